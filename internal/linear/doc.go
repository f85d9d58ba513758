// Package linear is the learning core of the attribution stage: sparse
// hashed features, linear models that decide between the candidates that
// rules propose and give calibrated probabilities, their deterministic
// training, calibration, cross-validation folds, and a compact encoding
// that carries its provenance. It uses the standard library only.
//
// # Getting Started
//
// Build the features of each candidate, add each decision to a [Data],
// train, and save:
//
//	var (
//		cue     = linear.NewTemplate("cue") // the templates, made once
//		cueSide = linear.NewTemplate("cue|side")
//		dist    = linear.NewTemplate("dist")
//	)
//	var d linear.Data
//	for _, dec := range decisions { // one decision: the candidates of one quotation
//		cands := make([]linear.Features, len(dec.Cands))
//		for i, c := range dec.Cands {
//			cands[i].Add(cue, c.Cue)               // the template "cue" with a value
//			cands[i].Add2(cueSide, c.Cue, c.Side) // a conjunction of two values
//			cands[i].AddFloat(dist, c.Dist)        // a real value, scaled to about [-1, 1]
//		}
//		err := d.AddGroup(dec.DocID, cands, dec.Right, 1) // Right: an index, or -1 for none
//	}
//	m, err := linear.Train(&d, linear.Describe(linear.Provenance{Name: "speaker", Command: "..."}))
//	err = m.Encode(file)
//
// and at run time, once per process (behind sync.OnceValues, the bytes
// under //go:embed):
//
//	m, err := linear.Decode(bytes.NewReader(modelBytes))
//	best, probs := m.Choose(cands) // best is -1 when none is the likeliest
//
// A Features with nothing in it scores the bias; [Model.Choose] with no
// candidates returns -1 and an empty slice.
//
// # Features
//
// A feature is a template name and one or two string values, or a
// template with a real value ([Features.AddFloat]). It is reduced to a
// 64-bit hash as it is added, with no string built, so that filling a
// reused [Features] allocates nothing: the name and each value are hashed
// on their own (FNV over words of the bytes, then a finaliser), and the
// feature's hash joins theirs. The name's hash is computed once, when its
// [Template] is made, and a value that many features take can be hashed
// once too, as a [Value]. The model keeps one weight for each hash
// seen in training, in a table of (hash, float32 weight) pairs sorted by
// hash with an index on the high bits; a hash not in the table weighs 0.
// Features never seen in training thus cost no memory and cannot disturb
// the weights of others, and the model holds only what training gave it.
// Two different features share a hash with a probability of about n²/2⁶⁵
// for n distinct features: one in 40 million at a million features.
// [Names] records the name of each hash while the training data is built
// (with [Features.Record]), reports collisions, and names the heaviest
// weights that [Model.Top] returns; the encoded model carries no names.
//
// # Models
//
// One [Model] serves two uses. A candidate's score is the model's bias plus
// the sum of its features' weights times their values.
//
//   - A choice among candidates, or none of them ([Model.Choose]): a
//     softmax over the candidates' scores and the score of "none", which is
//     0. The bias is thus the learned score of a candidate against none,
//     and context that makes "none" likelier goes into the candidates'
//     features (a conjunction of the context with anything the candidates
//     share). A model that must always choose reads the argmax of probs.
//   - A binary decision ([Model.Prob]): a group of one candidate, whose
//     probability is the logistic function of its score. This is logistic
//     regression.
//
// A multiclass decision is a choice among one candidate per class, each
// with the features conjoined with its class.
//
// # Training
//
// [Train] minimises the weighted mean of the log loss of the right answer
// of each group, plus l2/2 times the sum of the squared weights (not the
// bias), with L-BFGS (eight corrections, backtracking to the Armijo
// condition) from all weights 0. The objective is convex and strictly so
// with the penalty, so the model is its minimum, to the tolerance: it does
// not depend on the order of the groups, a learning rate or a shuffle, and
// the probabilities are those of the maximum penalised likelihood, which is
// what calibration wants. The options are [L2] (default 1e-4),
// [Iterations] (300), [Tolerance] (1e-7) and [MinCount] (1); a group's
// weight counts it that many times. Features are numbered by frequency,
// so that the weights read most share cache lines. Training 1.4 million
// feature occurrences in 50,000 groups of 2 to 6 candidates takes about
// 2 s (BenchmarkTrain; 1.6 to 3.7 s of processor time measured on a
// shared two-core machine). Training holds 24 bytes a feature occurrence and
// 168 a distinct feature (the optimiser's vectors).
//
// # Determinism
//
// The same [Data] and options give the same weights, bit for bit, on any
// machine, at any GOMAXPROCS: training runs in one goroutine and adds in a
// fixed order; every product added to a sum is rounded first
// (float64(x*y)), which keeps compilers from fusing a multiply and an add
// into one instruction on the architectures that have one; and the
// exponential and logarithm are computed here in portable Go rather than
// by math.Exp and math.Log, whose assembly versions differ in their last
// bits between processors. A test pins the weights of a fixed problem.
// The encoded bytes are the same too, built with the same Go release.
//
// # Calibration
//
// [FitPlatt] fits a [Platt] scaling, and [FitIsotonic] an [Isotonic]
// regression, to held-out (score, right) pairs; [Model.Score] gives the
// raw score. [Model.Calibrated] attaches a Platt scaling to a model, which
// stores it and applies it in [Model.Prob] and [Model.Choose].
// [NewReliability] bins predicted probabilities against what happened and
// gives the expected calibration error (ECE). Held-out scores come from
// cross-validation: [Folds] assigns items to k folds by a key, such as a
// document id, so that one document is never on both sides, and
// [Data.Split] splits a Data that way.
//
// # Encoding
//
// [Model.Encode] writes one model as a gzip stream: a header of JSON
// [Provenance] (the SHA-256 of the training data as [Train] read it, the
// feature templates, the hyperparameters, the training command, counts,
// the calibration; no date), the bias, then the hashes and the weights in
// a layout that is compact by itself (see codec.go: deflate would make it
// 3% smaller and a third slower to read, so the stream stores its bytes). One model is one file, so that each model of a stage is
// embedded, versioned and replaced on its own. A million weights encode
// to 10.3 MB and decode in 13 to 19 ms of processor time, two million in
// 26 to 38 ms (BenchmarkDecode), into 17 bytes a weight; [Decode]
// allocates as the data arrives, whatever a header claims.
//
// # Concurrency
//
// A [Model] is read-only once [Train] or [Decode] has returned it, and
// safe for concurrent use by any number of goroutines. [Features], [Data]
// and [Names] are not: each goroutine fills its own.
package linear
