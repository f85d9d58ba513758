package attribution

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// The tables below give each grammar function sentences in the style of
// political news, with the span it should find in brackets, in the
// conventions of PolNeAR: a speaker keeps its appositive and its age but
// not a time phrase after it, nor a parenthetical adverb or participle
// clause set off by commas; reported content keeps its "that" and its
// subordinate clauses, and ends before a clause with a cue of its own.

// testWindow returns the tagged window of the first sentence of text (with
// the sentences that follow an abbreviation, as Resolve reads them).
func testWindow(t testing.TB, text string) *window {
	t.Helper()
	lex, err := lexicon.Load()
	require.NoError(t, err)
	tg, err := loadTagger()
	require.NoError(t, err)
	sents := sentence.Split(text)
	require.NotEmpty(t, sents, "no sentence in %q", text)
	st := new(token.Stream)
	st.Scan(text, sents, quote.Detect(text, sents), lex)
	w := &window{text: text, lex: lex, qs: st.Quotes}
	w.load(st, 0, st.Len())
	w.tagAll(tg)
	return w
}

// bracketed parses a sentence with one pair of brackets around the span a
// grammar function should find, "[Hugh Hill, a doctor,] said", and
// returns the sentence without them and the span's byte range.
func bracketed(t testing.TB, s string) (text string, start, end int) {
	t.Helper()
	start, end = strings.IndexByte(s, '['), strings.IndexByte(s, ']')
	require.True(t, start >= 0 && end > start, "no [span] in %q", s)
	return s[:start] + s[start+1:end] + s[end+1:], start, end - 1
}

// tokenAt returns the index of the token of w that starts at byte offset
// off, failing the test when none does.
func (w *window) tokenAt(t testing.TB, off int) int {
	t.Helper()
	for i, tk := range w.toks {
		if tk.start == off {
			return i
		}
	}
	require.Failf(t, "no token", "no token starts at %d in %q", off, w.text)
	return -1
}

// tokenAfter returns the index of the first token of w that starts at or
// after byte offset off, or len(w.toks).
func (w *window) tokenAfter(off int) int {
	i := 0
	for i < len(w.toks) && w.toks[i].start < off {
		i++
	}
	return i
}

// wordAfter returns the index of the first word of w at or after byte
// offset off whose lower-case form is word, or of the first word at all
// when word is "", failing the test when there is none.
func (w *window) wordAfter(t testing.TB, off int, word string) int {
	t.Helper()
	for i := w.tokenAfter(off); i < len(w.toks); i++ {
		if w.toks[i].kind == token.Word && (word == "" || w.toks[i].lower == word) {
			return i
		}
	}
	require.Failf(t, "no word", "no word %q after %d in %q", word, off, w.text)
	return -1
}

// spanText returns the text of tokens [s, e) of w.
func (w *window) spanText(s, e int) string {
	if s >= e {
		return ""
	}
	return w.text[w.toks[s].start:w.toks[e-1].end]
}

// speakerText returns the speaker a subject reading makes of a noun
// phrase that starts at token s before the cue at token cue: up to the
// parenthetical that opens at token paren (when paren is past s), without
// the comma or dash that ends it.
func (w *window) speakerText(s, paren, cue int) string {
	e := cue
	if paren > s && paren < cue {
		e = paren
	}
	for e > s && (isComma(w.toks[e-1]) || w.toks[e-1].kind == token.Dash) {
		e--
	}
	return w.spanText(s, e)
}

// checkBracketed runs find, as a subtest called name, on the tagged
// window of sentence in without its brackets, and checks that it returns
// the bracketed text; find gets the brackets' byte range.
func checkBracketed(t *testing.T, name, in string, find func(t *testing.T, w *window, start, end int) string) {
	t.Run(name, func(t *testing.T) {
		text, start, end := bracketed(t, in)
		w := testWindow(t, text)
		assert.Equal(t, text[start:end], find(t, w, start, end))
	})
}

// TestParticleInCue checks that the particle of a phrasal verb is part of
// its cue, whether the lexicon lists the phrasal verb or not.
func TestParticleInCue(t *testing.T) {
	tests := []struct{ name, text, verb, want string }{
		{"a particle the lexicon does not list", "The senator fired back that the bill was fair.", "fired", "fired back"},
		{"laid out", "The governor laid out her plan for the bridge.", "laid", "laid out"},
		{"backed off", "The mayor backed off his claim that the bridge was safe.", "backed", "backed off"},
		{"a preposition is not a particle", "The senator argued in a letter that the bill was fair.", "argued", "argued"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := testWindow(t, tc.text)
			w.anyVerbs = true
			i := w.wordAfter(t, 0, tc.verb)
			var c cue
			require.True(t, w.findCue(&c, i), "no cue at %q", tc.verb)
			assert.Equal(t, tc.want, w.spanText(c.cs, c.ce+1))
		})
	}
}

// TestLeftNP checks the subject noun phrase before a cue: the cue is the
// word named, or the first word after the brackets, and the speaker runs
// from the phrase's first token to the cue or to the parenthetical that
// leftNP finds.
func TestLeftNP(t *testing.T) {
	tests := []struct {
		name, in string
		cue      string
		gerund   bool
	}{
		{"name", "[Hugh Hill] said the plan was dead.", "", false},
		{"adjective and its preposition after the noun", "[A source familiar with the plan] said it would run.", "", false},
		{"participle and by after the noun", "[A memo seen by Reuters] said the emails were classified.", "", false},
		{"participle and to after the noun", "[A poll released to reporters] shows that she leads.", "", false},
		{"appositive", "[Hugh Hill, a doctor], said the plan was dead.", "", false},
		{"relative clause", "[Anna Berg, who runs the shelter], warned that the beds were full.", "", false},
		{"title and party", "[Rep. Ann Cole (D-Ore.)] said the vote was close.", "", false},
		{"of phrase", "[A spokesman for the Justice Department] said it would appeal.", "", false},
		{"quantifier", "[Most] believe the economy is improving.", "", false},
		{"participle after the noun", "[Voters polled] said they liked him.", "", false},
		{"reduced relative with time", "[A report released last year] found that the river was polluted.", "", false},
		{"degree adverb", "[The most senior official] said the talks had stalled.", "", false},
		{"time inside the verb group", "[Police] had last month charged him with fraud.", "charged", false},
		{"gerund stops at of", "It showed footage of [Trump] saying he would win.", "", true},
		{"pronoun", "Later [she] said it was over.", "", false},
		{"definite noun", "[The senator] said the bill would pass.", "", false},
		{"title and name", "[Sen. Maria Lopez] told reporters the bill would pass.", "", false},
		{"possessive noun", "[The campaign's top strategist] argued that turnout would be high.", "", false},
		{"at phrase", "[Officials at the agency] said the data were incomplete.", "", false},
		{"for phrase", "[A spokeswoman for the governor] declined to comment.", "", false},
		{"organization", "[The Republican National Committee] announced that the debate would move.", "", false},
		{"quantified noun", "[Several lawmakers] warned that the deadline was unrealistic.", "", false},
		{"quantifier many", "[Many] believe the race is already over.", "", false},
		{"plural pronoun", "[They] said the polls were wrong.", "", false},
		{"coordinated plurals", "[Democrats and Republicans] agree that the system is broken.", "", false},
		{"coordinated names", "[Trump and Pence] said they would meet next week.", "", false},
		{"office possessive", "[The mayor's office] said the roads were closed.", "", false},
		{"long title", "[Senate Majority Leader Mitch McConnell] said the vote would wait.", "", false},
		{"auxiliary cue", "[The Pentagon] has said it will review the footage.", "", false},
		{"possessive name", "[Sanders's campaign manager] told reporters the race was close.", "", false},
		{"number and noun", "[The two candidates] agreed that the debate was fair.", "", false},
		{"name read as an adjective", "[Calabrese] told the Post he had received hundreds of emails.", "", false},
		{"those and a participle", "[Those surveyed] say the economy should come first.", "", false},
		{"manner adverb", "[The publicly available evidence] indicates that the opinion changed.", "", false},
		{"close to", "[A source close to him] said he would run.", "", false},
		{"adviser to", "[An adviser to the president] said the plan was dead.", "", false},
		{"age as noun", "[The 46-year-old] said she would run again.", "", false},
		{"name read as adverb", "[Jolly] said the new map was unfair.", "", false},
		{"of name", "[A spokesman for Sen. Ted Cruz of Texas] said the ad was false.", "", false},
		{"bare plural", "[Experts] say the drought will last.", "", false},
		{"newspaper", "[The New York Times] reported that the talks had stalled.", "", false},
		{"adjective and noun", "[Local police] said the suspect had fled.", "", false},
		{"noun compound", "[The White House press secretary] said the president was briefed.", "", false},
		{"party and state", "[Sen. Dan Ellis, R-Ohio], said the plan was flawed.", "", false},
		{"appositive with of", "[Ann Cole, the party's chairwoman], said turnout was strong.", "", false},
		{"appositive with place", "[Hugh Hill, a retired judge from Ohio], said the ruling was sound.", "", false},
		{"parenthetical adverb", "[Mr. Lee], however, said the deal was off.", "said", false},
		{"parenthetical participle", "[Ms. Ray], speaking on the radio, said the deal was off.", "said", false},
		{"parenthetical adverb after plural", "[The two lawmakers], however, argue that there is precedent.", "argue", false},
		{"participle after plural", "[People surveyed] said they were worried.", "", false},
		{"gerund subject after of", "The video shows supporters of [Sanders] chanting his name.", "", true},
		{"coordinated names with and", "[Vermont Gov. Peter Shumlin and Sen. Patrick Leahy] have endorsed Clinton.", "", false},
		{"appositive name after role", "[The group's director, Ann Lo], said the vote was fair.", "", false},
		{"relative who as subject", "The senator, [who] said the bill would fail, voted for it.", "said", false},
		{"title noun before name", "[Veteran analyst Charlie Cook] wrote that the Senate was in play.", "", false},
		{"group of", "[A group of conservative leaders] is calling for a boycott.", "", false},
		{"results of a poll of", "[Early results of an entrance poll of Nevada voters] are showing a close race.", "", false},
		// A time phrase between the subject and the cue is not the subject's.
		{"time phrase after a name", "[Gov. Ann Marsh] on Tuesday announced a new plan.", "", false},
		{"time phrase after a possessive", "[The committee's chairman] on Thursday evening said the vote would wait.", "", false},
		{"last week", "[Ms. Gale] last week told reporters the deal was off.", "", false},
		{"time phrase after a party", "[Rep. Tom Hale (D-Md.)] last month warned that the fund would run dry.", "", false},
		{"time phrase in a reduced relative", "[The memo released on Friday] shows that the agency knew.", "", false},
		{"time phrase after a relative clause", "[Trump, who has feuded with party leaders this week], on Friday described the plan as a disaster.", "described", false},
		{"in the past", "[Her closest friends and allies] have in the past said that she would run.", "said", false},
		{"in recent months", "[Officials] in recent months warned that the fund would run dry.", "", false},
		{"at the time", "[The senator] at the time said the bill would pass.", "said", false},
		// A prepositional phrase inside the subject.
		{"in a place", "[Protest leaders in Cleveland] say the rally will go on.", "", false},
		{"by and in", "[A poll by the group in March] found that voters were split.", "", false},
		{"within", "[Advocates within the medical community] cite the study.", "", false},
		{"inside", "[One aide inside the campaign] said the mood was grim.", "", false},
		{"across", "[Voters across the state] said taxes were too high.", "", false},
		{"on a topic", "[The debate on the health law] suggests that voters are divided.", "", false},
		{"by the authors", "[The statement by the two leaders] suggested a deal was near.", "", false},
		// Quantities.
		{"n in m", "[Six in 10 Democratic voters] said they liked her.", "", false},
		{"one in five", "[One in five] said the economy was the top issue.", "", false},
		{"at least", "[At least a dozen lawmakers] said they would vote no.", "", false},
		{"almost half", "[Almost half] said the country was on the wrong track.", "", false},
		{"about half of", "[About half of voters] said they were undecided.", "", false},
		{"only a share", "[Only 24 percent] said they trusted the government.", "", false},
		{"more than half", "[More than half of respondents] said the tax was unfair.", "", false},
		// Coordination with a pronoun or possessive.
		{"he or she", "[He or she] must explain the vote.", "", false},
		{"pronoun and possessive", "[She and her aides] said the plan was ready.", "", false},
		{"name and possessive", "[Trump and his supporters] say the election is rigged.", "", false},
		{"pronoun and name", "[He and Brafman] said the case was weak.", "", false},
		{"plurals with determiners", "[Many experts and some lawmakers] warned that the law was flawed.", "", false},
		{"predeterminer", "[All the attendees] said the speech was long.", "", false},
		// A relative clause whose pronoun is its subject.
		{"subject relative", "[People who know the mayor] say he will run again.", "", false},
		{"subject relative before an adverb of the cue", "[An official who spoke] anonymously said the talks had stalled.", "anonymously", false},
		{"not an object relative", "It is a plan that [most economists] say will fail.", "", false},
	}
	for _, tc := range tests {
		checkBracketed(t, tc.name, tc.in, func(t *testing.T, w *window, _, end int) string {
			cue := w.wordAfter(t, end, tc.cue)
			got, paren, ok := w.leftNP(cue, tc.gerund)
			require.True(t, ok, "no noun phrase before %q", w.text[end:])
			return w.speakerText(got, paren, cue)
		})
	}
}

// TestLeftNPAtEnd checks that a noun phrase read back from the end of
// the window, where no verb follows, is read without one.
func TestLeftNPAtEnd(t *testing.T) {
	for _, text := range []string{"Officials who met the mayor", "An official who spoke anonymously", "those who"} {
		t.Run(text, func(t *testing.T) {
			w := testWindow(t, text)
			require.NotPanics(t, func() { w.leftNP(len(w.toks), false) })
		})
	}
}

// TestRightNP checks the noun phrase that starts at the bracket.
func TestRightNP(t *testing.T) {
	tests := []struct {
		name, in string
		appos    bool
	}{
		{"plain", "“We are ready,” said [the mayor].", false},
		{"appositive", "“We are ready,” said [Jane Doe, a spokeswoman for the city].", true},
		{"relative clause", "“No,” said [an official who asked not to be named].", true},
		{"time word left out", "The plan is dead, said [the official] on Tuesday.", false},
		{"source on a panel", "It passed, said [a source on the panel].", false},
		{"title and name", "“It is over,” said [Sen. Amy Reed].", false},
		{"appositive with from", "“It is over,” said [Sen. Amy Reed, a Democrat from Ohio].", true},
		{"of phrase", "“No,” said [the former governor of Florida].", false},
		{"news agency", "The vote was close, according to [the Associated Press].", false},
		{"for phrase", "The ad was pulled, according to [a spokesman for the campaign].", false},
		{"to and a determiner", "“We have work to do,” said [an adviser to the Clintons].", false},
		{"appositive adviser", "The talks failed, said [Jake Sullivan, a senior adviser].", true},
		{"records", "He gave $2,700, according to [federal election records].", false},
		{"party in parentheses", "“We will fight,” said [Rep. Joe Kim (D-Calif.)].", false},
		{"age as noun", "“I am done,” said [the 46-year-old].", false},
		{"title noun before name", "“It is a mess,” said [campaign manager Robby Mook].", false},
		{"named poll", "Clinton leads by six points, according to [a Quinnipiac University poll].", false},
		{"from phrase", "Wages rose, according to [data from the Labor Department].", false},
		{"age and place", "“It is a mess,” said [Ann Berg, 32, of Ashby, a nurse].", true},
		{"ally title", "“He is finished,” said [Clinton ally James Carville].", false},
		{"quoted name", "Growth slowed, according to [the authors of the “Growth Project”].", false},
		{"possessive", "“It is false,” said [Mr. Trump's lawyer].", false},
		{"sentence-initial according to", "According to [a new Morning Consult poll], Sanders gained four points.", false},
		{"by agent", "The story was first reported by [the Washington Post].", false},
		{"pronoun", "“It is over,” said [she].", false},
		{"time after appositive", "“It is over,” said [Ann Lee, the mayor], on Tuesday.", true},
		{"appositive at", "“We will win,” said [Kurt Walters, the campaign director at Rootstrikers].", true},
		{"relative clause left out", "“We will win,” said [Borges], who predicted a third of the vote would come early.", false},
		{"present after noun", "He asked the senator to intervene, according to [two senators present].", false},
		{"place with state", "“It hurts,” said [Jo Price, a nurse from Roanoke, Va.], on Monday.", true},
		{"state then a phrase", "“I want my dues back,” wrote [Ed Nelson, a technician in Chalmette, La.], on the union's page.", true},
	}
	for _, tc := range tests {
		checkBracketed(t, tc.name, tc.in, func(t *testing.T, w *window, start, _ int) string {
			s, e, ok := w.rightNP(w.tokenAt(t, start), tc.appos)
			require.True(t, ok, "no noun phrase at %q", w.text[start:])
			return w.spanText(s, e)
		})
	}
}

// TestAppositive checks "NAME, APPOSITIVE, CUE" read at the comma before
// the cue: the speaker runs from the name to the cue, or to the comma
// that opens a parenthetical.
func TestAppositive(t *testing.T) {
	tests := []struct{ name, in, cue string }{
		{"noun appositive", "[Hugh Hill, a retired judge], said the ruling was sound.", "said"},
		{"the appositive", "[Jane Doe, the city's attorney], argued that the law was void.", "argued"},
		{"of appositive", "[Michael Mulgrew, president of the union], said teachers would strike.", "said"},
		{"party appositive", "[Sen. Amy Reed, D-Ohio], said the bill was dead.", "said"},
		{"name appositive", "[The group's director, Ann Lo], said the vote was fair.", "said"},
		{"adverb", "[Mr. Lee], however, said the deal was off.", "said"},
		{"participle", "[Ms. Ray], speaking on the radio, said the deal was off.", "said"},
		{"too", "[Clinton], too, said the plan was flawed.", "said"},
		{"relative clause", "[Anna Berg, who runs the shelter], warned that the beds were full.", "warned"},
		{"appositive with for", "[Tom Ellis, a spokesman for the governor], said the veto was certain.", "said"},
		{"former appositive", "[Rudy Giuliani, the former mayor of New York], said the city was safer.", "said"},
		{"two names", "[Her senior policy adviser, Jake Sullivan], said the vote mattered.", "said"},
		{"long appositive", "[David Axelrod, a former senior strategist for the Obama campaign], wrote that the race was over.", "wrote"},
		{"dash appositive", "[Mrs. Clinton -- a former senator] -- said the law had failed.", "said"},
		{"number appositive", "[Stephanie Acs, 27, a Navy veteran], said she would vote.", "said"},
		{"participle read as a past tense", "[Mike Shields, president of the fund, a super PAC allied with House leaders], said donors were worried.", "said"},
		{"city and state", "[Tom Lee, of Austin, Texas], said the plan was dead.", "said"},
		{"age, city and state", "[Brianne Stone, 29, of Huntsville, Ala.], says the plan is dead.", "says"},
		{"city and state of two words", "[Rae Kim, a nurse from Columbia, South Carolina], said the plan was dead.", "said"},
		{"city and state with no appositive", "[Tom Lee of Austin, Tex.], said the plan was dead.", "said"},
		{"state before a participle", "[Sandra Inman, a supporter from Jackson, Miss.], attending the rally, said she would vote.", "said"},
	}
	for _, tc := range tests {
		checkBracketed(t, tc.name, tc.in, func(t *testing.T, w *window, _, end int) string {
			cue := w.wordAfter(t, end, tc.cue)
			got, paren, ok := w.appositive(cue-1, false)
			require.True(t, ok, "no appositive before %q", w.text[end:])
			return w.speakerText(got, paren, cue)
		})
	}
}

// TestClauseEnd checks where the clause that starts at the bracket ends.
func TestClauseEnd(t *testing.T) {
	tests := []struct{ name, in string }{
		{"sentence end", "The mayor said [the pier was safe]."},
		{"before adding", "The mayor said [the pier was safe], adding that it would open soon."},
		{"before according to", "[The pier was safe], according to the mayor."},
		{"semicolon", "He said [it was over]; she disagreed."},
		{"aside between dashes", "She said [a rift -- mainly in cities -- with the police had grown]."},
		{"quotation kept", "He said [the plan was “dead on arrival”]."},
		{"before which", "He said [the plan was dead], which surprised no one."},
		{"before according to after said", "He said [the deal was dead], according to two aides."},
		{"before noting", "She said [the bill would pass], noting that it had the votes."},
		{"before citing", "She said [the plan would work], citing a new study."},
		{"before saying", "He defended [the vote], saying it was the right call."},
		{"before arguing", "They rejected [the offer], arguing it was too small."},
		{"semicolon after object", "She backed [the plan]; her rival did not."},
		{"including kept", "He said [the plan, including the tax cuts, would pass]."},
		{"if clause", "She said [she would run if the party asked her]."},
		{"because clause", "She said [the vote was delayed because the chairman was sick]."},
		{"after clause", "He said [the talks failed after the two sides disagreed]."},
		{"when clause", "She said [she was surprised when the results came in]."},
		{"abbreviation inside", "They said [the polls closed at 8 p.m. in most states]."},
		{"quoted words inside", "She said [the “rigged system” must end]."},
		{"and with a clause of its own", "He said [the senator would win], and his aides agreed."},
		{"and with a cue verb", "He said [the plan was sound] and called on Congress to act."},
		{"time phrase kept", "Officials said [the plant would close in 2019]."},
		{"closing quote before but", "He said [the plan was “dead on arrival,”] but aides disagreed."},
		{"sentence end before new sentence", "He said [the plan had failed]. Aides disagreed."},
		{"abbreviation in middle", "The senator said [the U.S. needs a new strategy in Syria]."},
		{"infinitive", "She vowed [to fight the ruling in court]."},
		{"whether clause", "He asked [whether the deal would survive]."},
		{"question mark", "Did he say [the deal would survive]?"},
		{"exclamation", "She said [the deal was a disaster]!"},
		{"before told", "[The deal was dead], the senator told reporters."},
		{"before the official said", "[The deal was dead], the official said."},
		{"before said with name", "[Turnout was high], said Ann Lee, the city clerk."},
		{"before according to with poll", "[Clinton leads by six points], according to a new poll."},
		{"before however", "She said [the deal was dead], however, aides kept talking."},
		{"percent", "The poll found [that 54 percent of voters backed the measure]."},
		{"parentheses kept", "He said [the senator (who was absent) would vote no]."},
		{"colon kept", "He said [there was one problem: money]."},
		{"that clause", "She said [that the bill would die in the Senate]."},
		{"and with another verb after that", "Cruz denied [that the video was real] and demanded an apology."},
		{"and with a gerund", "He called [the protester a troublemaker] and accused him of lying."},
		{"participle phrase inside", "She said [the plan, backed by both parties, would pass]."},
		{"after addressee", "He told reporters [the plan was dead]."},
	}
	for _, tc := range tests {
		checkBracketed(t, tc.name, tc.in, func(t *testing.T, w *window, start, _ int) string {
			return w.text[start:w.clauseEnd(w.tokenAt(t, start))]
		})
	}
}

// TestClauseStart checks the start of the clause whose verb group is the
// first word after the brackets.
func TestClauseStart(t *testing.T) {
	tests := []struct{ name, in string }{
		{"sentence start", "[The bill] is expected to pass."},
		{"after that", "Officials said that [the vote] was expected to be close."},
		{"name", "[Sanders] seems to lead among young voters."},
		{"relative clause inside", "[Both objections, which were raised late,] seemed weak."},
		{"plural subject", "[The new rules] appear to favor incumbents."},
		{"passive with agent", "[The story] was first reported by the Times."},
		{"after because", "Because [the economy] appears to be slowing, the bank held rates."},
		{"after semicolon", "The plan failed; [its backers] are said to be furious."},
		{"possessive subject", "[Mr. Trump's remarks] were widely seen as a mistake."},
		{"pronoun", "[It] is expected to rain."},
		{"after opening phrase", "In the new poll, [the senator] appears to lead."},
		{"coordinated states", "[Voters in Ohio and Michigan] seem unconvinced."},
		{"long subject", "[The two-year delay of the tax] is widely expected to be extended."},
		{"after if", "If [the measure] is approved, taxes will rise."},
		{"after dash", "The vote was close -- [the bill] is expected to pass."},
		{"after colon", "One thing is clear: [the senator] is expected to run."},
		{"after but", "He lost, but [his party] is expected to hold the seat."},
		{"after comma clause", "The vote was delayed, [the leaders] were said to be upset."},
		{"after while", "While [the plan] seems popular, it has few backers in Congress."},
		{"after although", "Although [the senator] appeared to waver, she voted yes."},
		{"after when", "When [the results] were reported by the network, the crowd cheered."},
		{"of phrase", "[A majority of voters] appear to favor the plan."},
	}
	for _, tc := range tests {
		checkBracketed(t, tc.name, tc.in, func(t *testing.T, w *window, _, end int) string {
			got, ok := w.clauseStart(w.wordAfter(t, end, ""))
			require.True(t, ok, "no clause before %q", w.text[end:])
			return w.spanText(got, w.tokenAfter(end))
		})
	}
}

// TestSkipAdverbials checks the time and manner words skipped from the
// bracket on: skipAdverbials stops at the token after the brackets.
func TestSkipAdverbials(t *testing.T) {
	tests := []struct{ name, in string }{
		{"day", "She said [on Tuesday] that the plan had failed."},
		{"interview", "He told reporters [in an interview] that he would run."},
		{"bare day and statement", "He said [Tuesday in a statement] that he would run."},
		{"rally with place", "He said [during a rally in Ohio] that taxes would fall."},
		{"before sentence end", "“No,” she said [in a phone interview]."},
		{"social network", "He wrote [on Twitter] that the vote was rigged."},
		{"earlier this month", "She said [earlier this month] that she would run."},
		{"again", "He said [again] that the deal was dead."},
		{"place and day", "She told the crowd [at a rally in Iowa on Saturday] that she would win."},
		{"year", "He said [in 2015] that the wall would be built."},
		{"day and night", "He said [Monday night] that the talks had failed."},
		{"news conference", "The mayor said [at a news conference] that the pier was safe."},
		{"via spokesman", "The senator said [via a spokesman] that she would vote no."},
		{"interview with network", "He said [in an interview with CNN on Sunday] that he would run."},
		{"at the time", "She said [at the time] that the deal was fair."},
		{"to reporters", "He said [to reporters] that the deal was dead."},
		{"in a tweet", "She said [in a tweet] that the vote was rigged."},
		{"flatly", "He denied [flatly] that he had met the man."},
		{"during the debate before quote", "She said [during the debate], “We will win.”"},
		{"before comma", "He said [on Tuesday], “We will win.”"},
		{"in a tweet late", "He said [in a tweet late Monday] that the talks had failed."},
	}
	for _, tc := range tests {
		checkBracketed(t, tc.name, tc.in, func(t *testing.T, w *window, start, _ int) string {
			k := w.tokenAt(t, start)
			return w.spanText(k, w.skipAdverbials(k))
		})
	}
}

// TestTailEnds checks whether the sentence ends at the bracket, after
// adverbials at most.
func TestTailEnds(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"full stop", "“It is over,” said the mayor[.]", true},
		{"day", "The plan is dead, said the mayor [on Tuesday].", true},
		{"statement", "“We won,” said the senator [in a statement].", true},
		{"comma", "“We won,” said the senator[, adding that the count was fair].", true},
		{"clause after", "“We won,” said Smith [as the crowd cheered].", false},
		{"comma and quote", "“We won,” said Smith [on Tuesday], “and we will win again.”", true},
		{"dash", "“Yes,” said Smith [-- and then he left].", true},
		{"colon and quote", "Said Smith [: “We won.”]", true},
		{"bare time", "The plan is dead, officials said [Tuesday night].", true},
		{"email to", "The deal is off, the official said [in an email to the Post].", true},
		{"comma and gerund", "The deal is off, the official said[, citing a new report].", true},
		{"clause object", "The plan is dead, sources say [the talks failed].", false},
		{"of phrase", "It is dead, he said [of the plan].", true},
		{"week and place", "It is dead, said the mayor [last week in Boston].", true},
		{"question mark", "Is it dead, asked the mayor[?]", true},
		{"relative clause", "“We won,” said Smith, [who led the count].", false},
		{"rare interview", "The deal is off, the senator said [in a rare interview].", true},
		{"through spokesman", "The deal is off, said Smith [through a spokesman].", true},
		{"verb phrase", "The deal is off, Smith said [and left the room].", false},
		{"that clause", "The deal is off, Smith said [that night that he would quit].", false},
		{"this morning", "“We won,” said Smith [this morning].", true},
		{"semicolon", "It was never about him, his aides argued [in interviews this week]; rather, it was the party.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, start, _ := bracketed(t, tc.in)
			w := testWindow(t, text)
			assert.Equal(t, tc.want, w.tailEnds(w.tokenAfter(start)))
		})
	}
}

// TestSubjectBefore checks the subject of the clause before a participle
// or second verb cue: the subject of the clause's first finite verb, or,
// for a verb after "and" or "but" that goes on a subordinate clause, of
// that clause's verb.
func TestSubjectBefore(t *testing.T) {
	tests := []struct{ name, in, cue string }{
		{"participle", "[The senator] voted against the bill, saying it was too costly.", "saying"},
		{"calling", "[Trump] praised the police, calling them heroes.", "calling"},
		{"and said", "[The governor] signed the order on Friday and said it would save lives.", "said"},
		{"arguing", "[Clinton] spoke for an hour, arguing that wages must rise.", "arguing"},
		{"noting", "[The company] released a statement, noting that sales had risen.", "noting"},
		{"adverb in group", "[Ms. Park] has long opposed the project, citing its cost.", "citing"},
		{"telling", "[Sanders] won the state easily, telling supporters the race was not over.", "telling"},
		{"modal", "[The mayor] will visit the site on Monday, saying she wants to see the damage.", "saying"},
		{"infinitive object", "[Obama] threatened to veto the bill, arguing it would expose troops to lawsuits.", "arguing"},
		{"possessive object", "[Cruz] attacked Rubio's record, telling voters he could not be trusted.", "telling"},
		{"and accused", "[Democrats] walked out of the hearing and accused the chairman of bias.", "accused"},
		{"appositive subject", "[Ann Lee, the mayor], cut the ribbon, saying the pier was safe.", "saying"},
		{"long subject", "[A spokesman for the Justice Department] declined to comment, citing the inquiry.", "citing"},
		{"but said", "[The senator] voted for the bill but said it did not go far enough.", "said"},
		{"quote before", "“We will win,” [Trump] told the crowd, adding that the polls were wrong.", "adding"},
		{"has provided", "[The retired surgeon] has provided no details, saying only that he was refining his plans.", "saying"},
		{"plural subject", "[Republicans] blocked the vote, arguing that the nominee was unfit.", "arguing"},
		{"pronoun subject", "[She] left the stage early, telling aides she was tired.", "telling"},
		{"time phrase first", "On Monday, [the senator] released her plan, saying it would cut costs.", "saying"},
		{"noun read as verb", "[Trump] called Ford's plans to build a plant in Mexico a disgrace and threatened to impose a tax.", "threatened"},
		{"that clause inside", "[Carson] rejected the notion that the episode should be forgotten, saying it mattered.", "saying"},
		{"relative clause inside", "[Obama] has threatened to veto the bill that allows the suits, arguing it is unwise.", "arguing"},
		{"denied that", "[Bennett] denied that a shake-up was coming, explaining that the staff would stay.", "explaining"},
		{"pronoun inside", "[President Obama] rebuked critics who say he should act, saying the law is clear.", "saying"},
		{"after clause and", "The governor was praised after [she] visited the site and blamed the storm.", "blamed"},
		{"parenthesis", "Democrats want more revenue (and [they] want lower rates and suggest that cuts pay).", "suggest"},
		// The words a clause quotes are part of it.
		{"quotation in the clause", "[She] declared “What a Super Tuesday!” and said her campaign would go on.", "said"},
		{"quoted object", "[De Blasio] called Trump a “blowhard,” and said his remarks helped terrorists.", "said"},
		{"quoted phrase before participle", "[Donald Trump] has delivered a defense of “New York values,” saying the city embodied the nation.", "saying"},
		{"no verb from inside the quotation", "[The mayor] read out “they said we failed” and added that they were wrong.", "added"},
		{"no subordinator from inside the quotation", "“Did he keep us safe after the attacks?” [Mr. Trump] asked, repeating the charge.", "repeating"},
		// A past form with an object is the clause's verb, whatever the
		// tagger says: not a participle inside an appositive.
		{"past form with a reflexive object", "At Sunday night’s debate, [Sanders] compared himself to Clinton, saying she was wrong.", "saying"},
		{"past form with a pronoun object", "On Tuesday, [the governor] endorsed her, calling her the best candidate.", "calling"},
	}
	for _, tc := range tests {
		checkBracketed(t, tc.name, tc.in, func(t *testing.T, w *window, _, end int) string {
			cue := w.wordAfter(t, end, tc.cue)
			coordinated := w.toks[cue-1].lower == "and" || w.toks[cue-1].lower == "but"
			ss, se, ok := w.subjectBefore(cue-1, coordinated)
			require.True(t, ok, "no subject before %q", tc.cue)
			return w.spanText(ss, se)
		})
	}
}

// TestContentBefore checks the content before the token that precedes the
// word named: the clause or quotation before "SPEAKER said" or "said
// SPEAKER".
func TestContentBefore(t *testing.T) {
	tests := []struct{ name, in, at string }{
		{"clause before speaker", "[The plan is dead], the mayor said.", "the"},
		{"clause before cue", "[The plan is dead], said the mayor.", "said"},
		{"quotation before speaker", "[“The plan is dead,”] the mayor said.", "the"},
		{"quotation before cue", "[“We are ready,”] said the mayor.", "said"},
		{"before according to", "[Turnout will be high], according to the party.", "according"},
		{"report found", "[Wages rose 3 percent last year], the report found.", "the"},
		{"dashes inside", "[The economy -- which grew slowly -- is recovering], the minister said.", "the"},
		{"officials said", "[Turnout was high in the state], officials said.", "officials"},
		{"poll", "[Some 59 percent of voters view her unfavorably], according to a new poll.", "according"},
		{"question", "[“Is it over?”] she asked.", "she"},
		{"dash before speaker", "[The plan is dead] -- or so the mayor said.", "or"},
		{"clause with comma", "[After the vote, the plan is dead], the mayor said.", "the"},
		{"quotation after cue and colon", "He said: [“The plan is dead,”] and left.", "and"},
		{"quotation with inner comma", "[“We won, and we will win again,”] Trump said.", "trump"},
		{"pronoun speaker", "[The deal is off], he said.", "he"},
		{"quote after cue with comma", "She said, [“We are done,”] and walked out.", "and"},
	}
	for _, tc := range tests {
		checkBracketed(t, tc.name, tc.in, func(t *testing.T, w *window, _, end int) string {
			var a Attribution
			require.True(t, w.contentBefore(&a, w.wordAfter(t, end, tc.at)-1), "no content before %q", tc.at)
			return a.Extent.Text
		})
	}
}

// TestFirstComma checks the end of the clause from the bracket at its
// first comma outside quotation marks.
func TestFirstComma(t *testing.T) {
	tests := []struct{ name, in string }{
		{"despite", "Sanders seems [to lead among young voters], despite the polls."},
		{"question", "Asked [whether he would run], Smith said no."},
		{"before speaker", "It is expected [to pass], aides said."},
		{"comma inside quotation", "He seems [to think the “deal, such as it is,” is over]."},
		{"no comma", "The senator appears [to lead in Ohio and Pennsylvania]."},
		{"if question", "Asked [if the deal was dead], she laughed."},
		{"infinitive and comma", "The bill is expected [to pass the House], but not the Senate."},
		{"semicolon", "She seems [to lead]; he seems to trail."},
		{"relative clause", "The man, who is said [to be ill], did not appear."},
		{"what question", "Asked [what the plan would cost], the senator had no answer."},
	}
	for _, tc := range tests {
		checkBracketed(t, tc.name, tc.in, func(t *testing.T, w *window, start, _ int) string {
			k := w.tokenAt(t, start)
			return w.text[start:w.firstComma(k, w.clauseEnd(k))]
		})
	}
}

// TestObjectEnd checks the end of the object of a verb like "support"
// that starts at the bracket.
func TestObjectEnd(t *testing.T) {
	tests := []struct{ name, in string }{
		{"finite verb after", "Voters who support [Sanders] are young."},
		{"because", "She endorsed [the governor's plan] because it saves money."},
		{"comma and participle", "He backed [Clinton], citing her experience."},
		{"if", "They oppose [the new pipeline] if it crosses the river."},
		{"infinitive inside", "He defended [the decision to close the plant]."},
		{"coordinated nouns", "She attacked [Trump's record on trade and immigration]."},
		{"relative favor", "Democrats who favor [a higher minimum wage] say it will help."},
		{"gerund object", "She supports [raising the minimum wage to $15 an hour]."},
		{"relative pronoun after", "They backed [the senator] who led the fight."},
		{"while", "He opposed [the merger] while his partners backed it."},
		{"but", "She supported [the bill] but voted against the amendment."},
		{"name and title", "They endorsed [Gov. John Kasich of Ohio]."},
		{"before", "He mentioned [the deal] before the vote."},
	}
	for _, tc := range tests {
		checkBracketed(t, tc.name, tc.in, func(t *testing.T, w *window, start, _ int) string {
			return w.text[start:w.objectEnd(w.tokenAt(t, start))]
		})
	}
}

// TestPrepositionalStart checks where the content after the cue word
// starts: at the bracket, with the cue extended to wantCue when set; with
// none set, the preposition in brackets opens no content.
func TestPrepositionalStart(t *testing.T) {
	tests := []struct {
		name, in, cue, wantCue string
		none                   bool
	}{
		{"warned of", "He warned of [a coming recession].", "warned", "warned of", false},
		{"called for", "She called for [an investigation].", "called", "called for", false},
		{"complained about", "They complained about [the noise].", "complained", "complained about", false},
		{"that", "He said [that the plan failed].", "said", "", false},
		{"whether", "She asked [whether he would run].", "asked", "", false},
		{"adverbial before that", "He said in a statement [that the plan failed].", "said", "", false},
		{"spoke about", "She spoke about [her mother].", "spoke", "spoke about", false},
		{"argued against", "He argued against [the merger].", "argued", "argued against", false},
		{"during the debate", "He said during the debate [that taxes would rise].", "said", "", false},
		{"in March", "She reported in March [that the fund was empty].", "reported", "", false},
		{"commented on", "He commented on [the ruling].", "commented", "commented on", false},
		{"before Congress", "She testified before Congress [that the agency had erred].", "testified", "", false},
		{"asked about", "He was asked about [the emails].", "asked", "asked about", false},
		{"no preposition", "She said [the plan failed].", "said", "", false},
		{"in 2015", "He said in 2015 [that the wall would be built].", "said", "", false},
		{"at least", "CNN reported [at least six planes filled the skies].", "reported", "", false},
		{"if", "She asked [if the deal was dead].", "asked", "", false},
		{"with and participle", "The film concludes [with] footage of the rally, showing the crowd.", "concludes", "", true},
		{"at and participle", "He was praised [at] the rally, prompting cheers.", "praised", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, start, _ := bracketed(t, tc.in)
			w := testWindow(t, text)
			cue := w.wordAfter(t, 0, tc.cue)
			a := Attribution{Cue: span.Of(text, w.toks[cue].start, w.toks[cue].end)}
			k, ok := w.prepositionalStart(&a, cue+1, cue+1)
			if tc.none {
				assert.False(t, ok, "content after %q", tc.cue)
				return
			}
			require.True(t, ok, "no content after %q", tc.cue)
			require.Less(t, k, len(w.toks))
			assert.Equal(t, text[start:], text[w.toks[k].start:])
			want := tc.wantCue
			if want == "" {
				want = tc.cue
			}
			assert.Equal(t, want, a.Cue.Text)
		})
	}
}
