// Package verify checks a claimed quotation against its source: are these
// words in the source, inside a quotation, and whose are they?
//
// # Getting started
//
//	var b verify.Builder
//	b.Add("article.txt", text, whosaid.Extract(text))
//	corpus := b.Corpus()
//	res, err := corpus.Check(verify.Claim{Quote: "We expected better", Speaker: "Lapix"})
//	// res.Verdict: verify.Verbatim; res.Match: the passage, with byte offsets;
//	// res.Speaker: "Anne-Sophie Lapix"; *res.SpeakerMatch: true
//
// [Check] does the same for one text.
//
// # Verdicts
//
// A claim gets one of four verdicts ([Verdict]): [Verbatim] (the words are
// in the source inside a quotation, ignoring case, punctuation, white space
// and the kind of quotation mark), [Altered] (a close passage exists, but
// words are changed, added or dropped), [Unquoted] (the words are in the
// source as narration or paraphrase) or [NotFound]. An ellipsis in the
// claim ("...", "…") stands for words left out (about 300 at most, 1,200
// for all the ellipses of a claim), square brackets for an editor's
// insertion ("[Blinken] said" for "he said") or a changed letter ("[T]he"),
// and the narration that interrupts a quotation (“...,” she said, “...”)
// may be left out. A [Result] also carries a similarity, the
// matched passage with byte offsets into its document, a word-level diff,
// the speaker the source gives the words to, whether the claimed speaker
// can be that speaker ([speaker.Match]), and the other passages a claim
// spliced from two places was taken from.
//
// # Cost
//
// A [Builder] reads each document once into an index of words. A check
// reads the postings of the claim's words (within a budget) to find the
// few stretches of the corpus that hold most of them, then aligns the
// claim word by word with each stretch; the alignment costs the claim's
// length times a window a few times that length, whatever the size of the
// corpus. A [Corpus] is read-only and safe for concurrent use.
//
// Empty claims are an error; a claim that matches nothing is [NotFound].
package verify
