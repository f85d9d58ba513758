package pipeline

import (
	"cmp"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/filter"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"

	"github.com/whosaid/whosaid/speaker"
)

func init() {
	register.Emitter2[string, string]()
	register.Emitter2[string, speaker.Form]()
	register.Emitter2[int, speaker.Form]()
	register.Function2x2[string, Mention, string, speaker.Form](formOf)
	register.Function2x2[string, speaker.Form, int, speaker.Form](allForms)
	register.DoFn3x0[int, func(*speaker.Form) bool, func(string, string)](&keysFn{})
	register.DoFn5x0[string, func(*Mention) bool, func(*string) bool, func(string, Mention), func(string)](&rekeyFn{})
	register.Function1x1[string, string](docKey)
	register.DoFn4x0[string, func(*Speaker) bool, func(*int) bool, func(string)](&formatSpeakerFn{})
	register.Iter1[int]()
	register.Iter1[Mention]()
	register.Iter1[Speaker]()
	register.Iter1[speaker.Form]()
	register.Combiner3[Speaker, Mention, Speaker](&speakerFn{})
	register.Combiner1[speaker.Form](&formFn{})
	beam.RegisterType(reflect.TypeFor[Variant]())
	beam.RegisterType(reflect.TypeFor[Speaker]())
	beam.RegisterType(reflect.TypeFor[speaker.Form]())
}

// Sample is one quotation of a speaker: its article, start offset and text.
type Sample struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	Text  string `json:"text"`
}

func (a Sample) compare(b Sample) int {
	return cmp.Or(strings.Compare(a.ID, b.ID), cmp.Compare(a.Start, b.Start), strings.Compare(a.Text, b.Text))
}

// Mention is one attribution to a named speaker. The extract step keys it
// by the speaker's name (speaker.NameOf) and sets the evidence of its form
// (speaker.FormsOf, over the attributions of its article): Male or Female
// when the article calls the speaker "he" or "she", Person when it shows a
// person, Namesake when a suffix tells a son from his father there; once
// re-keyed by the speaker's key, Name holds the name.
type Mention struct {
	Sample   Sample
	Name     string
	Male     int
	Female   int
	Person   int
	Namesake int
}

// Variant is a name a speaker goes by and its number of attributions.
type Variant struct {
	Name string
	N    int
}

// Speaker is the aggregate of one speaker: its attributions, the names it
// goes by, and the [Samples] samples that come first by (id, start).
type Speaker struct {
	Attributions int
	Variants     []Variant
	Samples      []Sample
}

// SpeakerLine is one line of the speakers output: the fields that the
// command "whosaid speakers" prints ({"speaker", "variants",
// "documents", "attributions"}) and three samples.
type SpeakerLine struct {
	speaker.Speaker
	Samples []Sample `json:"samples"`
}

// Speakers aggregates mentions, a PCollection<KV<string, Mention>> keyed
// by speaker name, by the speakers' corpus-wide keys, and returns the JSON
// lines of the speakers, each a [SpeakerLine].
//
// A key depends on every name of the corpus ("Trump" joins "Donald Trump"
// only if the corpus has no other Trump), so the forms of each name are
// counted first (CombinePerKey), then all the names, not the mentions,
// meet in one worker that keys them with speaker.Keys; each mention is
// re-keyed through a CoGroupByKey with the (name, key) pairs and combined
// under its key, and the documents of a key are counted apart, from the
// distinct (key, article) pairs, so that no accumulator holds a set of
// articles.
func Speakers(s beam.Scope, mentions beam.PCollection) beam.PCollection {
	s = s.Scope("speakers")
	forms := beam.CombinePerKey(s, &formFn{}, beam.ParDo(s, formOf, mentions))
	keys := beam.ParDo(s, &keysFn{}, beam.GroupByKey(s, beam.ParDo(s, allForms, forms)))
	keyed, docs := beam.ParDo2(s, &rekeyFn{}, beam.CoGroupByKey(s, mentions, keys))
	agg := beam.CombinePerKey(s, &speakerFn{}, keyed)
	perDoc := stats.Count(s, beam.ParDo(s, docKey, filter.Distinct(s, docs)))
	return beam.ParDo(s, &formatSpeakerFn{}, beam.CoGroupByKey(s, agg, perDoc))
}

// formOf is the form of a name that one mention contributes.
func formOf(name string, m Mention) (string, speaker.Form) {
	return name, speaker.Form{Name: name, Attributions: 1, Male: m.Male, Female: m.Female, Person: m.Person, Namesake: m.Namesake}
}

// formFn adds up the forms of one name.
type formFn struct{}

func (formFn) MergeAccumulators(a, b speaker.Form) speaker.Form { return a.Add(b) }

// allForms puts the forms of all names under one key.
func allForms(_ string, f speaker.Form) (int, speaker.Form) { return 0, f }

// keysFn keys all the names of the corpus with speaker.Keys and emits
// (name, key) for each name that has a key.
type keysFn struct{}

func (keysFn) ProcessElement(_ int, forms func(*speaker.Form) bool, emit func(string, string)) {
	var all []speaker.Form
	var f speaker.Form
	for forms(&f) {
		all = append(all, f)
	}
	keys := speaker.Keys(all)
	for _, n := range slices.Sorted(maps.Keys(keys)) {
		if keys[n] != "" {
			emit(n, keys[n])
		}
	}
}

// rekeyFn emits each mention of a name under the name's key, with the name
// in it, and the (key, article) pair of each.
type rekeyFn struct{}

func (rekeyFn) ProcessElement(name string, mentions func(*Mention) bool, keys func(*string) bool, emit func(string, Mention), emitDoc func(string)) {
	var key string
	if !keys(&key) || key == "" {
		return
	}
	var m Mention
	for mentions(&m) {
		emit(key, Mention{Sample: m.Sample, Name: name})
		emitDoc(key + "\x00" + m.Sample.ID)
	}
}

// docKey is the key of a (key, article) pair.
func docKey(pair string) string {
	k, _, _ := strings.Cut(pair, "\x00")
	return k
}

// speakerFn counts a speaker's attributions by name and keeps the samples
// that come first by (id, start), so that the output does not depend on
// the order in which the runner combines.
type speakerFn struct{}

func (speakerFn) CreateAccumulator() Speaker { return Speaker{} }

func (speakerFn) AddInput(acc Speaker, m Mention) Speaker {
	acc.Attributions++
	acc.Variants = addVariants(acc.Variants, Variant{Name: m.Name, N: 1})
	acc.Samples = keep(append(acc.Samples, m.Sample))
	return acc
}

func (speakerFn) MergeAccumulators(a, b Speaker) Speaker {
	a.Attributions += b.Attributions
	a.Variants = addVariants(a.Variants, b.Variants...)
	a.Samples = keep(append(slices.Clip(a.Samples), b.Samples...))
	return a
}

func (speakerFn) ExtractOutput(acc Speaker) Speaker {
	if acc.Samples == nil {
		acc.Samples = []Sample{}
	}
	return acc
}

// addVariants adds the counts of vs to those of acc, a list sorted by name
// (which it returns, not sharing acc's array).
func addVariants(acc []Variant, vs ...Variant) []Variant {
	acc = slices.Clone(acc)
	for _, v := range vs {
		i, found := slices.BinarySearchFunc(acc, v.Name, func(x Variant, n string) int { return strings.Compare(x.Name, n) })
		if found {
			acc[i].N += v.N
		} else {
			acc = slices.Insert(acc, i, v)
		}
	}
	return acc
}

// keep sorts samples by (id, start) and keeps the first [Samples].
func keep(ss []Sample) []Sample {
	slices.SortFunc(ss, Sample.compare)
	ss = slices.CompactFunc(ss, func(a, b Sample) bool { return a.compare(b) == 0 })
	return slices.Clip(ss[:min(len(ss), Samples)])
}

// formatSpeakerFn writes a speaker's line from its aggregate and its
// number of documents.
type formatSpeakerFn struct{}

func (formatSpeakerFn) ProcessElement(key string, aggs func(*Speaker) bool, docs func(*int) bool, emit func(string)) {
	var sp Speaker
	if !aggs(&sp) {
		return
	}
	n := 0
	docs(&n)
	counts := map[string]int{}
	for _, v := range sp.Variants {
		counts[v.Name] += v.N
	}
	line := SpeakerLine{
		Speaker: speaker.Speaker{Speaker: key, Variants: speaker.Variants(counts), Documents: n, Attributions: sp.Attributions},
		Samples: sp.Samples,
	}
	b, err := json.Marshal(line)
	if err != nil {
		return // unreachable: strings and ints only
	}
	emit(string(b))
}
