// Package whosaid finds every quotation in English news text and says who
// said it.
//
// # Getting started
//
//	for _, a := range whosaid.Extract(text) {
//		fmt.Println(a.Entity.Name, a.Cue.Text, a.Text)
//	}
//
// [Extract] uses a shared default [Extractor]; build your own with [New]
// when you need options. An Extractor is safe for concurrent use.
//
// # Results
//
// An [Attribution]'s Text is the words said: the fragments of a quotation
// interrupted by its narration, joined by one space; Extent covers them
// with the narration between. Zero values mean none: a zero [Type] is
// [Unknown], an empty Speaker, Cue or Addressee span is absent.
// [Extractor.ExtractRecord] returns a [Record]: the attributions, the
// document's speakers ([Entities]) and, when a bound cut the text, the
// [Cut]. json.Marshal of a Record is the JSON Lines record format that
// the command-line tool writes and the eval package reads into the same
// types; [Record.ConvertOffsets] counts its offsets in code points or
// UTF-16 units for other languages.
//
// # Packages
//
// The pipeline runs in one direction, each stage usable on its own:
//
//   - [github.com/whosaid/whosaid/sentence] splits text into paragraphs and
//     sentences;
//   - [github.com/whosaid/whosaid/quote] pairs quote marks into quotations
//     and tells speech from names and scare quotes;
//   - [github.com/whosaid/whosaid/attribution] links quotations and
//     reported speech to speakers, cues and addressees;
//   - [github.com/whosaid/whosaid/span] defines the byte span they share.
//
// Around them: [github.com/whosaid/whosaid/eval] scores attributions
// against gold data; [github.com/whosaid/whosaid/htmlview] renders an
// article with each quotation highlighted by speaker;
// [github.com/whosaid/whosaid/htmltext] takes the article text out of an
// HTML page; cmd/whosaid is the command-line tool. The lexicons, given
// names and the part-of-speech tagger live in internal packages, loaded
// once per process.
//
// # Offsets
//
// Every span is a pair of UTF-8 byte offsets into the caller's original
// text, end exclusive, with text[s.Start:s.End] == s.Text. Nothing is
// normalised before offsets are taken. Empty input returns no attributions.
package whosaid
