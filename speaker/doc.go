// Package speaker gives the speakers of a corpus one key each, so that
// "Donald J. Trump", "Donald Trump", "Mr. Trump" and "DONALD TRUMP" count
// as one speaker across thousands of articles, while "Bill Clinton" and
// "Hillary Clinton" stay two.
//
// # Getting started
//
//	var t speaker.Tally
//	for id, text := range corpus {
//		t.Add(id, whosaid.Extract(text))
//	}
//	for _, s := range t.Speakers() {
//		fmt.Println(s.Speaker, s.Attributions, s.Documents, s.Variants)
//	}
//
// An attribution's name is its resolved speaker ([NameOf]), and its key
// across the corpus is tally.Keys()[speaker.NameOf(a)]. [Parse] takes a
// name apart into title, given name, middle names, surname and suffix, or
// tells a description or organisation from a person. [Keys] reads the
// names of a whole corpus at once and gives each its key: the rules are
// in its documentation. [Match] tells whether a claimed speaker can be the
// one a source names ("Obama" and "Barack Obama": yes; "Bill Clinton" and
// "Hillary Clinton": no).
//
// A distributed pipeline computes the same keys by counting the [Form] of
// each name (see [FormsOf], which reads one document's attributions, and
// [Form.Add]) and calling [Keys] once on the totals, as examples/beam
// does.
//
// The list of given names and their short forms (lexicon/nicknames.txt)
// is embedded and parsed once, as are the lists of internal/names (given
// names, titles, places) it reads; every function is safe for concurrent
// use.
// Empty input yields no speakers.
package speaker
