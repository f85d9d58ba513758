// Package bench compares whosaid with peer libraries in one process. It is a
// module of its own so that the peers' dependencies stay out of whosaid's.
package bench
