package main

import (
	"fmt"
	"os"

	"github.com/whosaid/whosaid"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	for _, a := range whosaid.Extract(string(b)) {
		fmt.Printf("%-30s %-8s %s\n", a.Entity.Name, a.Cue.Text, a.Content.Text)
	}
}
