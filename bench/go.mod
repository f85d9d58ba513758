module github.com/whosaid/whosaid/bench

go 1.26.0

replace github.com/whosaid/whosaid => ../

require (
	github.com/jdkato/prose/v3 v3.2.3
	github.com/whosaid/whosaid v0.0.0-00010101000000-000000000000
	gopkg.in/neurosnap/sentences.v1 v1.0.6
)
