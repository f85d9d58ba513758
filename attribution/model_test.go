package attribution

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEmbeddedModel checks that the embedded model decodes, encodes to the
// same bytes, and says where it comes from.
func TestEmbeddedModel(t *testing.T) {
	if len(embeddedModel) == 0 {
		t.Skip("built without a model")
	}
	m, err := DecodeModel(bytes.NewReader(embeddedModel))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, m.Encode(&b))
	assert.True(t, bytes.Equal(embeddedModel, b.Bytes()), "encoding the decoded model gives other bytes")
	assert.Contains(t, m.String(), "PolNeAR train, sha256 ")
	_, err = DecodeModel(bytes.NewReader(embeddedModel[:len(embeddedModel)/2]))
	assert.Error(t, err, "half a model")
	_, err = DecodeModel(bytes.NewReader([]byte("not a model")))
	assert.Error(t, err)
}

// BenchmarkDecodeModel decodes the embedded model, as the first New of a
// process does once.
func BenchmarkDecodeModel(b *testing.B) {
	b.SetBytes(int64(len(embeddedModel)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeModel(bytes.NewReader(embeddedModel)); err != nil {
			b.Fatal(err)
		}
	}
}
