// Package eval scores attributions against gold data in the JSON Lines
// format of the project's corpora: one {"id", "text", "quotes"} object per
// line, byte offsets into "text".
//
// It implements the measures the project reports:
//
//   - span F1, exact: content, source and cue spans each form a set per
//     document; a predicted span counts when it equals a gold span after
//     both are trimmed of white space, quote marks and edge punctuation;
//   - content F1 by overlap: a predicted content matches a gold one when
//     their byte Jaccard is at least 0.5, one-to-one, best pairs first, with
//     recall by gold type (direct, mixed, indirect);
//   - speaker accuracy: of the gold attributions matched by content, the
//     share whose predicted speaker span equals (exact) or overlaps the gold
//     source span, overall and for direct and mixed quotations;
//   - speaker-name accuracy, where gold names its speakers: the share whose
//     resolved name has the head word of one of the gold speaker's names;
//   - pronoun resolution, given the referents of pronoun sources.
//
// Gold attributions marked "optional" are neither rewarded nor penalised:
// they leave the gold sets, and predictions that match them leave the
// predicted sets. Everything in the package is safe for concurrent use.
package eval
