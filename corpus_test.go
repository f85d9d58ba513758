package whosaid_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/corpustest"
)

// TestMain runs the tests and, when the shared corpus is absent (a fresh
// clone), prints one line that names every test of the module that needs
// it and so skipped. go test shows it with -v (it hides the output of a
// package that passes).
func TestMain(m *testing.M) {
	code := m.Run()
	if _, err := os.Stat(corpustest.File("")); err != nil {
		if names, err := corpusTests("."); err == nil && len(names) > 0 {
			fmt.Printf("shared corpus absent (../shared/corpus beside the repository): %d tests that need it skip: %s\n",
				len(names), strings.Join(names, ", "))
		}
	}
	os.Exit(code)
}

// corpusTests returns the tests of the module under root that read the
// shared corpus (they call corpustest), as
// "package.TestName", sorted. Nested modules are left out.
func corpusTests(root string) ([]string, error) {
	var names []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Test") || fn.Name.Name == "TestMain" {
				continue
			}
			if callsCorpus(fn.Body, helpers(f)) {
				names = append(names, f.Name.Name+"."+fn.Name.Name)
			}
		}
		return nil
	})
	slices.Sort(names)
	return names, err
}

// helpers returns the functions of f that call corpustest themselves, so
// that a test that reaches the corpus through one counts too.
func helpers(f *ast.File) map[string]bool {
	h := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Body != nil && !h[fn.Name.Name] && callsCorpus(fn.Body, h) {
				h[fn.Name.Name], changed = true, true
			}
		}
	}
	return h
}

// callsCorpus reports whether body calls corpustest or one of helpers.
func callsCorpus(body ast.Node, helpers map[string]bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok && id.Name == "corpustest" {
				found = true
			}
		case *ast.CallExpr:
			if id, ok := x.Fun.(*ast.Ident); ok && helpers[id.Name] {
				found = true
			}
		}
		return !found
	})
	return found
}

func TestCorpusTestsAreFound(t *testing.T) {
	names, err := corpusTests(".")
	require.NoError(t, err)
	for _, want := range []string{"whosaid_test.TestTextOnTheSeedArticle", "eval.TestGoldScoresItselfPerfectly", "eval.TestPredictDev"} {
		assert.Contains(t, names, want)
	}
	assert.NotContains(t, names, "whosaid_test.TestZeroValuesMeanNone")
}
