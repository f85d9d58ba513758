package coref

import (
	"sort"

	"github.com/whosaid/whosaid/internal/names"
)

// How far back a pronoun looks for its antecedent.
const (
	pronounSentences = 8
	pronounMentions  = 80
	pronounSpeakers  = 24
)

// Weights of the pronoun score beside distance (-1.2 a sentence). The
// share of PolNeAR dev pronouns named right moves by a few points at most
// over a wide range of them.
const (
	rankWeight     = 0.3  // per compatible mention nearer the pronoun
	salienceWeight = 0.05 // per mention of the entity, up to 20
	// A speaker mention of an earlier attribution, and the latest one.
	speakerWeight     = 0.5
	lastSpeakerWeight = 1.5
)

// cand is a mention considered as the antecedent of a pronoun.
type cand struct {
	ent       int
	sent      int32
	subj      bool
	poss      bool
	quoted    bool
	modifier  bool
	speaker   bool // a speaker mention of an earlier attribution
	lastSpeak bool // the latest such mention
}

// pronoun resolves a third-person pronoun at pos to the entity it stands
// for: the best-scoring compatible mention before it, by distance, subject
// position, gender, number and who spoke last. It returns -1 when nothing
// fits.
func (r *resolver) pronoun(pos int, p names.Pronoun, quoted bool) int {
	s := r.s
	ti := s.wordAt(pos)
	if ti >= len(s.words) {
		return -1
	}
	sent := s.sentOf(ti)
	best, bestScore := -1, -1e9
	fallback, fallbackScore := -1, -1e9
	nearer := 0 // compatible mentions nearer the pronoun
	consider := func(c cand) {
		sc, ok, fb := r.score(c, p, sent, quoted)
		if ok && !c.speaker {
			sc -= rankWeight * float64(min(nearer, 5))
			nearer++
		}
		if !ok {
			return
		}
		e := c.ent
		if fb {
			if sc > fallbackScore {
				fallback, fallbackScore = e, sc
			}
			return
		}
		if sc > bestScore {
			best, bestScore = e, sc
		}
	}
	for k, n := s.mentionBefore(pos), 0; k >= 0 && n < pronounMentions; k, n = k-1, n+1 {
		m := &s.ments[k]
		if int(m.end) > pos {
			continue
		}
		if sent-m.sent > pronounSentences {
			break
		}
		consider(cand{ent: int(m.ent), sent: m.sent, subj: m.subj, poss: m.poss, quoted: m.quoted, modifier: m.modifier})
	}
	if p.Plural {
		gm := r.groupMents
		k := sort.Search(len(gm), func(k int) bool { return int(gm[k].start) >= pos }) - 1
		for ; k >= 0; k-- {
			m := &gm[k]
			if int(m.end) > pos {
				continue
			}
			if sent-m.sent > pronounSentences {
				break
			}
			consider(cand{ent: int(m.ent), sent: m.sent, subj: m.subj, poss: m.poss, quoted: m.quoted})
		}
	}
	last := true
	for k, n := len(r.spk)-1, 0; k >= 0 && n < pronounSpeakers; k, n = k-1, n+1 {
		c := &r.spk[k]
		if int(c.pos) >= pos || sent-c.sent > pronounSentences {
			continue
		}
		consider(cand{ent: int(c.ent), sent: c.sent, subj: true, quoted: c.quoted, speaker: true, lastSpeak: last})
		last = false
	}
	if best < 0 {
		return fallback
	}
	return best
}

// score rates candidate c for pronoun p in sentence sent. ok is false when
// c cannot be the referent; fallback is set when it fits only loosely (a
// person for "they").
func (r *resolver) score(c cand, p names.Pronoun, sent int32, quoted bool) (sc float64, ok, fallback bool) {
	e := &r.ents[c.ent]
	if e.kind == entPron {
		return 0, false, false
	}
	dist := sent - c.sent
	if dist < 0 {
		dist = 0
	}
	sc = -1.2 * float64(dist)
	if c.subj {
		sc += 2.5
	}
	if c.poss {
		sc -= 1.5
	}
	if c.modifier {
		sc -= 4
	}
	if c.quoted && !quoted {
		sc -= 2.5
	}
	if c.speaker {
		sc += speakerWeight
	}
	if c.lastSpeak {
		sc += lastSpeakerWeight
	}
	sc += salienceWeight * float64(min(e.count, 20))
	g := e.gender()
	if p.Plural {
		switch {
		case e.plural || e.kind == entGroup:
			sc += 1
		case e.kind == entOrg:
		case e.kind == entUnknown:
			sc -= 1.5
		default:
			return sc, true, true
		}
		return sc, true, false
	}
	if e.plural || e.kind == entGroup {
		return 0, false, false
	}
	switch p.Gender {
	case names.Neuter:
		if e.kind == entPerson {
			return 0, false, false
		}
		return sc, true, false
	case names.Male, names.Female:
		if e.kind == entOrg || e.thing {
			return 0, false, false
		}
		if g != names.Unknown && g != p.Gender {
			return 0, false, false
		}
		if g == p.Gender {
			sc += 2
		} else {
			sc -= 1.5
		}
	}
	switch e.kind {
	case entPerson:
		sc += 1
	case entUnknown:
		sc -= 2.5
	case entDesc:
		sc -= 0.5
	}
	return sc, true, false
}
