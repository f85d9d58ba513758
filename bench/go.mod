module github.com/whosaid/whosaid/bench

go 1.26

replace github.com/whosaid/whosaid => ../
