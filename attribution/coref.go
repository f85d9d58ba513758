package attribution

import (
	"strings"

	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// resolveEntities fills the Entity of every attribution in attrs: it groups
// speaker mentions into entities with a canonical name and resolves
// pronouns to the entity they stand for. Attributions with no speaker
// mention (a continuation) keep an Entity the caller already set.
func resolveEntities(text string, sents []sentence.Sentence, attrs []Attribution) {
	byName := map[string]int{}
	var ents []*Entity
	for i := range attrs {
		a := &attrs[i]
		if a.Speaker.Empty() {
			continue
		}
		key := strings.ToLower(a.Speaker.Text)
		id, ok := byName[key]
		if !ok {
			ents = append(ents, &Entity{ID: len(ents) + 1, Name: a.Speaker.Text})
			id = len(ents)
			byName[key] = id
		}
		e := ents[id-1]
		e.Mentions = append(e.Mentions, a.Speaker)
	}
	for i := range attrs {
		a := &attrs[i]
		if a.Speaker.Empty() {
			continue
		}
		e := ents[byName[strings.ToLower(a.Speaker.Text)]-1]
		a.Entity = Entity{ID: e.ID, Name: e.Name, Mentions: append([]span.Span(nil), e.Mentions...)}
	}
}
