package coref

// StreamOf lends the external tests the stream helper of the internal
// ones.
var StreamOf = streamOf
