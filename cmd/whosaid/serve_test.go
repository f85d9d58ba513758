package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

var (
	attackDuration = flag.Duration("serve.duration", 3*time.Second, "how long TestServeUnderAttack sends requests (the full test: 60s)")
	attackSize     = flag.Int("serve.size", 256<<10, "bytes of each hostile article in TestServeUnderAttack (the full test: 1048576, the server's --max-bytes)")
)

// testServer is a server on a loopback port, stopped by stop.
type testServer struct {
	url  string
	cfg  *serveConfig
	stop func() error
}

// startServer starts a server on 127.0.0.1 with the given flags.
func startServer(t testing.TB, flags ...string) *testServer {
	t.Helper()
	c := serveConfig{retryAfter: 1}
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.Int64Var(&c.maxBody, "max-body", 4<<20, "")
	fs.IntVar(&c.maxInFlight, "max-inflight", 2, "")
	fs.DurationVar(&c.readTimeout, "read-timeout", 30*time.Second, "")
	fs.DurationVar(&c.writeTimeout, "write-timeout", 2*time.Minute, "")
	fs.DurationVar(&c.idle, "idle-timeout", time.Minute, "")
	fs.DurationVar(&c.shutdownTimeout, "shutdown-timeout", time.Minute, "")
	c.opts.addExtractFlags(fs)
	c.opts.maxBytes, c.opts.maxTokens = 1<<20, 256<<10
	require.NoError(t, fs.Parse(flags))
	require.NoError(t, c.init())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.serve(ctx, ln) }()
	return &testServer{url: "http://" + ln.Addr().String(), cfg: &c, stop: func() error {
		cancel()
		return <-done
	}}
}

type reply struct {
	code int
	head http.Header
	body []byte
}

func post(t testing.TB, client *http.Client, url, contentType string, body io.Reader) (reply, error) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, body)
	require.NoError(t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := client.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, resp.Header, b}, err
}

// cliRecord is what the command writes for one JSON Lines article with
// the given flags: the server must answer the same.
func cliRecord(t testing.TB, line string, flags ...string) string {
	t.Helper()
	out, errOut, code := runIn(t.(*testing.T), line, append([]string{"--input", "jsonl", "--max-bytes", "1048576", "--max-tokens", "262144"}, flags...)...)
	require.Equal(t, 0, code, errOut)
	return out
}

func TestServeAPI(t *testing.T) {
	s := startServer(t)
	defer func() { assert.NoError(t, s.stop()) }()
	client := &http.Client{}
	defer client.CloseIdleConnections()
	article := `{"id":"a1","text":"“We will rebuild,” said Mayor Ann Cole. “It will take time.”\n\nCole told reporters the city would ask for aid."}`
	tests := []struct {
		name, method, path, ctype, body string
		code                            int
		want                            string // the whole body, or a part of it with contains
		contains                        bool
	}{
		{"one article", "POST", "/v1/extract", "application/json", article, 200,
			strings.Replace(cliRecord(t, article), `"line":1,`, `"text":"“We will rebuild,” said Mayor Ann Cole. “It will take time.”\n\nCole told reporters the city would ask for aid.",`, 1), false},
		{"no content type", "POST", "/v1/extract", "", article, 200, `"id":"a1"`, true},
		{"options", "POST", "/v1/extract?offsets=runes&type=direct&entities=true&text=false&min-confidence=0.5", "application/json", article, 200,
			strings.Replace(cliRecord(t, article, "--offsets", "runes", "--type", "direct", "--entities", "--min-confidence", "0.5"), `"line":1,`, "", 1), false},
		{"speaker filter", "POST", "/v1/extract?speaker=nobody&text=false", "application/json", article, 200, `{"id":"a1","quotes":[]}` + "\n", false},
		{"plain text", "POST", "/v1/extract?id=p&text=false", "text/plain; charset=utf-8", "“Yes,” Ann Cole said.", 200, `{"id":"p","quotes":[{"type":"direct"`, true},
		{"json lines", "POST", "/v1/extract", "application/x-ndjson", article + "\n\n[1]\n" + `{"id":"s","text":"\ud800"}` + "\n", 200,
			cliRecord(t, article) +
				`{"line":3,"error":"not a JSON object {\"id\": ..., \"text\": ...} but an array"}` + "\n" +
				`{"line":4,"id":"s","error":"\"text\" holds \\ud800, half of a UTF-16 surrogate pair, which is no character"}` + "\n", false},
		{"not JSON", "POST", "/v1/extract", "application/json", `{"id": "x", "text": `, 400, "not a JSON object: unexpected end of JSON input", false},
		{"an array", "POST", "/v1/extract", "application/json", `["text"]`, 400, `but an array`, true},
		{"lone surrogate", "POST", "/v1/extract", "application/json", `{"text": "He said \ud800 ok."}`, 400, `half of a UTF-16 surrogate pair`, true},
		{"invalid UTF-8 id", "POST", "/v1/extract", "application/json", "{\"id\": \"\xff\", \"text\": \"t\"}", 400, `"id" is not valid UTF-8`, true},
		{"invalid UTF-8 text", "POST", "/v1/extract", "text/plain", "caf\xe9", 400, `not valid UTF-8`, true},
		{"media type", "POST", "/v1/extract", "application/xml", "<a/>", 415, `want application/json`, true},
		{"another charset", "POST", "/v1/extract", "text/plain; charset=latin1", "x", 415, `must be UTF-8`, true},
		{"unknown parameter", "POST", "/v1/extract?format=xml", "application/json", article, 400, `unknown query parameter "format"`, true},
		{"bad parameter", "POST", "/v1/extract?min-confidence=2", "application/json", article, 400, `min-confidence`, true},
		{"too large", "POST", "/v1/extract", "text/plain", strings.Repeat("x", 4<<20+1), 413, `larger than 4194304 bytes`, true},
		{"GET extract", "GET", "/v1/extract", "", "", 405, `use POST`, true},
		{"unknown path", "GET", "/v2", "", "", 404, `no such path`, true},
		{"health", "GET", "/healthz", "", "", 200, "ok\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, s.url+tt.path, strings.NewReader(tt.body))
			require.NoError(t, err)
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			resp, err := client.Do(req)
			require.NoError(t, err)
			b, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			require.NoError(t, err)
			assert.Equal(t, tt.code, resp.StatusCode, "%s", b)
			got := string(b)
			if tt.code >= 400 {
				var e struct{ Error string }
				require.NoError(t, json.Unmarshal(b, &e), "an error is JSON")
				assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
				got = e.Error
			}
			if tt.contains {
				assert.Contains(t, got, tt.want)
			} else {
				assert.Equal(t, tt.want, got)
			}
		})
	}
	resp, err := client.Get(s.url + "/metrics")
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`whosaid_http_requests_total{code="200",route="/v1/extract"}`,
		`whosaid_http_requests_total{code="413",route="/v1/extract"}`,
		`whosaid_http_request_duration_seconds_bucket{route="/v1/extract",le="0.1"}`,
		`whosaid_http_request_body_bytes_total`,
		`whosaid_errors_total{reason="too_large"} 1`,
		`whosaid_errors_total{reason="bad_line"} 2`,
		`whosaid_documents_total`,
		`go_goroutines`,
	} {
		assert.Contains(t, string(b), want)
	}
}

// slowBody is a request body that sends its first bytes and then waits for
// release before sending the rest.
func slowBody(first, rest string) (io.Reader, chan struct{}) {
	release := make(chan struct{})
	r, w := io.Pipe()
	go func() {
		w.Write([]byte(first))
		<-release
		w.Write([]byte(rest))
		w.Close()
	}()
	return r, release
}

// inFlight returns the server's gauge of requests read or extracted now,
// from its metrics, which take no slot.
func inFlight(t *testing.T, client *http.Client, url string) int {
	t.Helper()
	resp, err := client.Get(url + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "whosaid_extractions_in_flight "); ok {
			n, err := strconv.ParseFloat(v, 64)
			require.NoError(t, err)
			return int(n)
		}
	}
	require.Fail(t, "no whosaid_extractions_in_flight in the metrics")
	return 0
}

// TestServeOverloadAndShutdown: past --max-inflight a request gets 503 with
// Retry-After; on shutdown the request in flight is answered; afterwards no
// goroutine of the server is left.
func TestServeOverloadAndShutdown(t *testing.T) {
	before := runtime.NumGoroutine()
	s := startServer(t, "--max-inflight", "1")
	client := &http.Client{}
	var (
		release chan struct{}
		slow    chan reply
	)
	// send starts the slow request, which holds the one slot while its
	// body is held back.
	send := func() {
		var body io.Reader
		body, release = slowBody(`{"id":"slow","text":"“We will win,” `, `Smith said."}`)
		slow = make(chan reply, 1)
		go func(slow chan reply) {
			r, err := post(t, client, s.url+"/v1/extract", "application/json", body)
			assert.NoError(t, err)
			slow <- r
		}(slow)
	}
	send()
	// Wait until the slow request holds the one slot, as the server's
	// gauge of requests in flight says: probing with requests of its own
	// would compete for the slot, and on a loaded machine (under -race)
	// could keep taking it first.
	deadline := time.Now().Add(time.Minute)
	for inFlight(t, client, s.url) != 1 {
		select {
		case r := <-slow:
			require.Fail(t, "the slow request was answered before its body was sent", "%d %s", r.code, r.body)
		default:
		}
		require.True(t, time.Now().Before(deadline), "the slow request never held the one slot")
		time.Sleep(10 * time.Millisecond)
	}
	r, err := post(t, client, s.url+"/v1/extract", "application/json", strings.NewReader(`{"text":"x"}`))
	require.NoError(t, err)
	assert.Equal(t, http.StatusServiceUnavailable, r.code)
	assert.Equal(t, "1", r.head.Get("Retry-After"))
	assert.Contains(t, string(r.body), "retry later")

	// Shut down while the slow request is in flight; it still gets its
	// answer.
	stopped := make(chan error, 1)
	go func() { stopped <- s.stop() }()
	time.Sleep(100 * time.Millisecond)
	select {
	case err := <-stopped:
		t.Fatalf("the server stopped before its request in flight was answered: %v", err)
	default:
	}
	close(release)
	got := <-slow
	assert.Equal(t, http.StatusOK, got.code, "%s", got.body)
	assert.Contains(t, string(got.body), `"name":"Smith"`)
	require.NoError(t, <-stopped)
	client.CloseIdleConnections()
	assertNoLeak(t, before)
}

// assertNoLeak waits, up to 10 s (a loaded machine is slow to end
// connections), for the goroutines to come back to before.
func assertNoLeak(t *testing.T, before int) {
	t.Helper()
	var n int
	for range 500 {
		if n = runtime.NumGoroutine(); n <= before {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	t.Errorf("%d goroutines after shutdown, %d before:\n%s", n, before, buf)
}

// Hostile articles of about n bytes: the worst cases of the reliability
// probe.
func hostileArticles(n int) map[string]string {
	rep := func(unit string) string { return strings.Repeat(unit, max(1, n/len(unit))) }
	names := []string{"Smith", "Clinton", "Obama", "Ruiz", "Hart", "Nair", "Blinken", "Lapix"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%s %s told %s that %s said. ", names[i%8], names[(i+3)%8], names[(i+5)%8], names[(i+1)%8])
	}
	return map[string]string{
		"straight-marks": rep(`"`),
		"wrapped-words":  rep(`"word" `),
		"said-x":         rep(`“We will win,” said Smith. `),
		"names-cues":     b.String(),
	}
}

// TestServeUnderAttack: 32 clients on loopback send, for -serve.duration,
// a mix of healthy articles, malformed bodies, bodies past the size limit
// and hostile articles. Every request gets an answer: healthy ones their
// exact record (after 503s, which they retry), the others a 4xx or a 503.
// The heap stays under the ceiling the README documents, and no goroutine
// is left after shutdown.
func TestServeUnderAttack(t *testing.T) {
	if testing.Short() {
		t.Skip("a load test")
	}
	size := *attackSize
	if raceEnabled {
		size = min(size, 32<<10)
	}
	before := runtime.NumGoroutine()
	s := startServer(t, "--max-inflight", "2", "--max-body", "4194304")
	healthy := healthyArticles(t)
	hostile := hostileArticles(size)
	var hostileNames []string
	for name := range hostile {
		hostileNames = append(hostileNames, name)
	}
	slices.Sort(hostileNames)

	var (
		stats     sync.Map // outcome → *atomic.Int64
		peakHeap  atomic.Uint64
		healthyOK atomic.Int64
	)
	count := func(k string) {
		v, _ := stats.LoadOrStore(k, new(atomic.Int64))
		v.(*atomic.Int64).Add(1)
	}
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peakHeap.Load() {
				peakHeap.Store(v)
			}
			select {
			case <-stopSampling:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()

	deadline := time.Now().Add(*attackDuration)
	var wg sync.WaitGroup
	for c := range 32 {
		wg.Go(func() {
			client := &http.Client{Timeout: 5 * time.Minute}
			defer client.CloseIdleConnections()
			for i := 0; time.Now().Before(deadline); i++ {
				switch kind := (c + i) % 4; {
				case c%4 == 0 || kind == 0: // healthy, retried on 503
					h := healthy[(c+i)%len(healthy)]
					for {
						r, err := post(t, client, s.url+"/v1/extract?text=false", "application/json", strings.NewReader(h.line))
						if !assert.NoError(t, err) {
							return
						}
						if r.code == http.StatusServiceUnavailable {
							count("healthy 503, retried")
							time.Sleep(20 * time.Millisecond)
							continue
						}
						if assert.Equal(t, http.StatusOK, r.code, "%s", r.body) && assert.Equal(t, h.want, string(r.body)) {
							healthyOK.Add(1)
							count("healthy 200")
						}
						break
					}
				case kind == 1: // malformed
					bad := []string{`{"text": `, `[1, 2]`, `{"text": "\udc00"}`, "{\"id\": \"\xfe\", \"text\": \"x\"}", `{"id": 5}`}
					r, err := post(t, client, s.url+"/v1/extract", "application/json", strings.NewReader(bad[i%len(bad)]))
					if assert.NoError(t, err) {
						assert.Contains(t, []int{400, 503}, r.code, "%s", r.body)
						count(fmt.Sprintf("malformed %d", r.code))
					}
				case kind == 2: // past the size limit
					r, err := post(t, client, s.url+"/v1/extract", "text/plain", strings.NewReader(strings.Repeat("“x,” he said. ", (4<<20)/16+1)))
					if err == nil {
						assert.Contains(t, []int{413, 503}, r.code, "%s", r.body)
						count(fmt.Sprintf("oversized %d", r.code))
					} else {
						// The server may close the connection once it has
						// refused the body.
						count("oversized, connection closed")
					}
				default: // hostile, at the size limit
					name := hostileNames[i%len(hostileNames)]
					r, err := post(t, client, s.url+"/v1/extract?text=false", "text/plain", strings.NewReader(hostile[name]))
					if assert.NoError(t, err) {
						assert.Contains(t, []int{200, 503}, r.code, "%s", r.body)
						count(fmt.Sprintf("hostile %d", r.code))
					}
				}
			}
		})
	}
	wg.Wait()
	close(stopSampling)
	<-sampled
	require.NoError(t, s.stop())
	var report []string
	stats.Range(func(k, v any) bool {
		report = append(report, fmt.Sprintf("%s: %d", k, v.(*atomic.Int64).Load()))
		return true
	})
	slices.Sort(report)
	t.Logf("32 clients, %v, hostile articles of %d bytes; peak heap %d MiB\n%s",
		*attackDuration, size, peakHeap.Load()>>20, strings.Join(report, "\n"))
	assert.Positive(t, healthyOK.Load(), "no healthy request succeeded")
	assert.Less(t, peakHeap.Load(), uint64(heapCeiling), "peak heap")
	assertNoLeak(t, before)
}

// heapCeiling is the documented memory ceiling of the server under attack
// with the settings of TestServeUnderAttack (2 extractions at once, 4 MiB
// bodies, 1 MiB and 256 Ki tokens per article): live heap, the clients'
// included. The README gives the peak measured.
const heapCeiling = 1 << 30

type healthyArticle struct{ line, want string }

// healthyArticles are the project's annotated articles as request bodies,
// with the records the server must answer.
func healthyArticles(t *testing.T) []healthyArticle {
	t.Helper()
	files, err := filepath.Glob("../../testdata/articles/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	ex, err := whosaid.New(whosaid.WithMaxBytes(1<<20), whosaid.WithMaxTokens(256<<10))
	require.NoError(t, err)
	var out []healthyArticle
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		line, err := json.Marshal(whosaid.Article{ID: filepath.Base(f), Text: string(b)})
		require.NoError(t, err)
		want, err := whosaid.NewRecord(filepath.Base(f), ex.Extract(string(b))).MarshalLine()
		require.NoError(t, err)
		out = append(out, healthyArticle{string(line), string(want)})
	}
	return out
}

// BenchmarkServe posts the project's annotated articles to a server on
// loopback from parallel clients and reports throughput and latency.
func BenchmarkServe(b *testing.B) {
	s := startServer(b, "--max-inflight", fmt.Sprint(runtime.GOMAXPROCS(0)))
	defer s.stop()
	files, err := filepath.Glob("../../testdata/articles/*.txt")
	require.NoError(b, err)
	var bodies []string
	total := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		require.NoError(b, err)
		line, _ := json.Marshal(whosaid.Article{ID: f, Text: string(t)})
		bodies = append(bodies, string(line))
		total += len(t)
	}
	b.SetBytes(int64(total / len(files)))
	b.ReportAllocs()
	var (
		mu        sync.Mutex
		latencies []time.Duration
		next      atomic.Int64
		retries   atomic.Int64
	)
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		client := &http.Client{}
		defer client.CloseIdleConnections()
		var mine []time.Duration
		for pb.Next() {
			body := bodies[next.Add(1)%int64(len(bodies))]
			t0 := time.Now()
			for {
				r, err := post(b, client, s.url+"/v1/extract?text=false", "application/json", strings.NewReader(body))
				if err != nil {
					b.Error(err)
					return
				}
				if r.code == http.StatusServiceUnavailable {
					retries.Add(1)
					time.Sleep(time.Millisecond)
					continue
				}
				if r.code != http.StatusOK {
					b.Errorf("status %d: %s", r.code, r.body)
					return
				}
				break
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	if len(latencies) == 0 {
		return
	}
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		return float64(latencies[min(len(latencies)-1, int(p*float64(len(latencies))))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "req/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(retries.Load())/float64(len(latencies)), "503s/req")
}
