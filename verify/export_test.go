package verify

// Exhaustive returns the similarity of the best alignment of a claim with
// any passage of the corpus, found by aligning the claim with every whole
// document: the answer the index's vote must not miss, and the cost of
// doing without it.
func (c *Corpus) Exhaustive(quote string) float64 {
	p := parseClaim(quote)
	for i := range p.toks {
		if t, ok := c.terms[p.toks[i].folded]; ok && p.toks[i].kind == cWord {
			p.toks[i].term = t
		}
	}
	s := new(scratch)
	best := 0.0
	for _, d := range c.docs {
		if d.w0 == d.w1 {
			continue
		}
		if a, ok := c.align(p.toks, d.w0, d.w1, s); ok && a.sim > best {
			best = a.sim
		}
	}
	return best
}
