package attribution_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

// rulesOnly is a Resolver whose rules alone choose: the tests of this
// file check the rules, not the model that weighs their readings.
var rulesOnly = func() *attribution.Resolver {
	r, err := attribution.New(attribution.WithModel(nil))
	if err != nil {
		panic(err)
	}
	return r
}()

func resolve(text string) []attribution.Attribution {
	sents := sentence.Split(text)
	return rulesOnly.Resolve(text, sents, quote.Detect(text, sents))
}

// trim drops white space, quote marks and edge punctuation, as scoring does.
func trim(s string) string {
	return strings.Trim(s, " \t\n\"“”‘’'.,;:!?—–-")
}

// TestRules checks one hand-written sentence per rule.
func TestRules(t *testing.T) {
	tests := []struct {
		rule, text                       string
		speaker, cue, content, addressee string
		typ                              attribution.Type
	}{
		{attribution.RuleQuoteSpeakerCue, "“The bridge will open in May,” the mayor said.",
			"the mayor", "said", "The bridge will open in May", "", attribution.Direct},
		{attribution.RuleQuoteCueSpeaker, "“We are ready,” said Jane Doe, a spokeswoman for the city.",
			"Jane Doe, a spokeswoman for the city", "said", "We are ready", "", attribution.Direct},
		{attribution.RuleSpeakerCueQuote, "The governor said, “We will rebuild the pier.”",
			"The governor", "said", "We will rebuild the pier", "", attribution.Direct},
		{attribution.RuleSpeakerCueColon, "The governor added: “Nobody will be left behind.”",
			"The governor", "added", "Nobody will be left behind", "", attribution.Direct},
		{attribution.RuleSpeakerCueClause, "The senator has argued that the tax would hurt farmers.",
			"The senator", "has argued", "that the tax would hurt farmers", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "The mayor told reporters that the pier would reopen.",
			"The mayor", "told", "that the pier would reopen", "reporters", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "The mayor said the pier was “perfectly safe” for visitors.",
			"The mayor", "said", "the pier was “perfectly safe” for visitors", "", attribution.Mixed},
		{attribution.RuleClauseSpeakerCue, "The tax would hurt farmers, the senator argued.",
			"the senator", "argued", "The tax would hurt farmers", "", attribution.Indirect},
		{attribution.RuleClauseCueSpeaker, "The tax would hurt farmers, argued the senator.",
			"the senator", "argued", "The tax would hurt farmers", "", attribution.Indirect},
		{attribution.RuleAccordingTo, "According to the police report, the driver fled the scene.",
			"the police report", "According to", "the driver fled the scene", "", attribution.Indirect},
		{attribution.RuleAccordingTo, "The driver fled the scene, according to the police report.",
			"the police report", "according to", "The driver fled the scene", "", attribution.Indirect},
		{attribution.RuleSplit, "“The pier is safe,” the engineer said, “but the road is not.”",
			"the engineer", "said", "The pier is safe,” the engineer said, “but the road is not", "", attribution.Direct},
		{attribution.RuleAppositive, "Hugh Hill, a doctor at the clinic, said the wait had doubled.",
			"Hugh Hill, a doctor at the clinic", "said", "the wait had doubled", "", attribution.Indirect},
		{attribution.RuleAppositive, "Anna Berg, who runs the shelter, warned that the beds were full.",
			"Anna Berg, who runs the shelter", "warned", "that the beds were full", "", attribution.Indirect},
		{attribution.RuleQuoteSpeakerCue, "“We will win,” he said.",
			"he", "said", "We will win", "", attribution.Direct},
		{attribution.RuleSpeakerCueColon, "MORGAN: Thank you all for coming tonight.",
			"MORGAN", ":", "Thank you all for coming tonight", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "The union endorsed the plan on Monday and said it would pay for itself.",
			"The union", "said", "it would pay for itself", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Most voters believe the economy is improving.",
			"Most voters", "believe", "the economy is improving", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "The council rejected the budget, saying it was too small.",
			"The council", "saying", "it was too small", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Protesters chanted “Open the gates!” and marched on.",
			"Protesters", "chanted", "Open the gates", "", attribution.Direct},
		{attribution.RuleSpeakerCueColon, "Said Ellis: “Nobody saw it coming.”",
			"Ellis", "Said", "Nobody saw it coming", "", attribution.Direct},
		{attribution.RuleSpeakerCueColon, "The coach said:\n\n“We will be back next year.”",
			"The coach", "said", "We will be back next year", "", attribution.Direct},
		// A name the tagger reads as a gerund for its "-ing" is the
		// subject before the verb; a gerund that opens a noun phrase
		// modifies its noun.
		{attribution.RuleSpeakerCueColon, "Schilling told WEEI: “I replied to the post.”",
			"Schilling", "told", "I replied to the post", "WEEI", attribution.Direct},
		{attribution.RuleQuoteSpeakerCue, "“They care about wages,” the union’s organizing director told Fox News.",
			"the union’s organizing director", "told", "They care about wages", "Fox News", attribution.Direct},
		// "No. 2" is one noun phrase; "put it" is a cue.
		{attribution.RuleAppositive, "Cornyn, the No. 2 Republican, said the nominee would not be confirmed.",
			"Cornyn, the No. 2 Republican", "said", "the nominee would not be confirmed", "", attribution.Indirect},
		{attribution.RuleClauseSpeakerCue, "As Cornyn, the No. 2 in the leadership, put it, “This person will not be confirmed.”",
			"Cornyn, the No. 2 in the leadership", "put it", "This person will not be confirmed", "", attribution.Direct},
		// A quantifier stands as a whole speaker; "by" before a means of
		// saying names no speaker; "is quoted as saying" reports its
		// subject's words.
		{attribution.RuleQuoteCueSpeaker, "“Better watch out,” tweeted another.",
			"another", "tweeted", "Better watch out", "", attribution.Direct},
		{attribution.RuleSpeakerCueQuote, "Yet another said, “Rubio is in a five-person battle.”",
			"another", "said", "Rubio is in a five-person battle", "", attribution.Direct},
		{attribution.RuleQuoteSpeakerCue, "“It is a free country,” Ms. Gao said by telephone.",
			"Ms. Gao", "said", "It is a free country", "", attribution.Direct},
		{attribution.RuleQuoteSpeakerCue, "“We are in and out of the field faster,” Braynard is quoted as saying.",
			"Braynard", "is quoted as saying", "We are in and out of the field faster", "", attribution.Direct},
		// A participle clause between the subject and its verb is a
		// parenthetical, whatever the tagger reads the participle as; a
		// verb of asking there is not inverted order.
		{attribution.RuleSpeakerCueClause, "The transcript of the debate — published by The Washington Post — shows that Clinton talked about reform.",
			"The transcript of the debate", "shows", "that Clinton talked about reform", "", attribution.Indirect},
		{attribution.RuleAppositive, "The report, released Monday, found that wages rose.",
			"The report", "found", "that wages rose", "", attribution.Indirect},
		{attribution.RuleAppositive, "Mr. Lee, questioned about the plan, said it was dead.",
			"Mr. Lee", "said", "it was dead", "", attribution.Indirect},
		// A plural noun the tagger reads as a verb before a verb
		// ("strategists/VBZ think"), and a participle it reads as a noun
		// after a name ("speaking/NN at a rally"), which ends the speaker.
		{attribution.RuleSpeakerCueClause, "In Iowa, strategists think that two candidates will move on.",
			"strategists", "think", "that two candidates will move on", "", attribution.Indirect},
		{attribution.RuleAppositive, "Trump, speaking at a rally, said Ryan was weak.",
			"Trump", "said", "Ryan was weak", "", attribution.Indirect},
		// An adjective the tagger reads for the noun after a number
		// ("one user/JJ wrote") heads the speaker; any past form of a
		// verb of saying may open the sentence before its speaker.
		{attribution.RuleQuoteSpeakerCue, "“Trump is very cute with a big mouth,” one user wrote.",
			"one user", "wrote", "Trump is very cute with a big mouth", "", attribution.Direct},
		{attribution.RuleSpeakerCueColon, "Stated Stone: “I think that the stakes are so high.”",
			"Stone", "Stated", "I think that the stakes are so high", "", attribution.Direct},
		// Stacked appositives of age and place are the speaker's; an
		// infinitive in a parenthetical is no clause of its own.
		{attribution.RuleQuoteSpeakerCue, "“It scares me,” Harry Bond, 30, of Raleigh, N.C., said.",
			"Harry Bond, 30, of Raleigh, N.C", "said", "It scares me", "", attribution.Direct},
		{attribution.RuleAppositive, "Sullivan, in an attempt to draw attention to it, wrote, “The candidate answered seven questions.”",
			"Sullivan", "wrote", "The candidate answered seven questions", "", attribution.Direct},
		// "As X said" after a conjunction, and at the end of its
		// sentence.
		{attribution.RuleClauseSpeakerCue, "But as Liz Kreutz points out in a column on Yahoo News, interviews give Clinton an advantage.",
			"Liz Kreutz", "points out", "interviews give Clinton an advantage", "", attribution.Indirect},
		{attribution.RuleClauseSpeakerCue, "It is a classic scare tactic, as David Dayen noted in The Intercept.",
			"David Dayen", "noted", "It is a classic scare tactic", "", attribution.Indirect},
		// A phrase set off by commas before "that"; a base form after a
		// plural noun, or after its participle, is the verb.
		{attribution.RuleSpeakerCueClause, "He said, with a smile, that the plan was dead.",
			"He", "said", "that the plan was dead", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Many Republicans support deportation.",
			"Many Republicans", "support", "deportation", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Nineteen percent of the students polled support Clinton.",
			"Nineteen percent of the students polled", "support", "Clinton", "", attribution.Indirect},
		// A place of origin set off by commas is part of the speaker.
		{attribution.RuleSpeakerCueColon, "Said Tom Lee, of Austin, Tex.: “I will not vote for either of them.”",
			"Tom Lee, of Austin, Tex", "Said", "I will not vote for either of them", "", attribution.Direct},
		{attribution.RuleQuoteCueSpeaker, "“I will not vote for either of them,” said Tom Lee, of Austin, Tex.",
			"Tom Lee, of Austin, Tex", "said", "I will not vote for either of them", "", attribution.Direct},
		// After “...,” the clause that follows attributes the quotation: a
		// form of a verb of saying after its subject is the verb there,
		// whatever the tagger says ("website/JJ reads/NNS", "agency
		// reports/NNS").
		{attribution.RuleQuoteSpeakerCue, "“Welcome to the new library,” a welcome message on the website reads.",
			"a welcome message on the website", "reads", "Welcome to the new library", "", attribution.Direct},
		{attribution.RuleQuoteSpeakerCue, "“Welcome to the new library,” the agency reports on its website.",
			"the agency", "reports", "Welcome to the new library", "", attribution.Direct},
		// A prepositional phrase set off by commas is the narration's, not
		// the speaker's; "like" names more speakers.
		{attribution.RuleAppositive, "Mia Lund, at a news conference on Friday, said the mine would close.",
			"Mia Lund", "said", "the mine would close", "", attribution.Indirect},
		{attribution.RuleAppositive, "Mia Lund, like her brother, said the mine would close.",
			"Mia Lund, like her brother", "said", "the mine would close", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Federal and state officials said the mine would close.",
			"Federal and state officials", "said", "the mine would close", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "The mayor and his aides said the mine would close.",
			"The mayor and his aides", "said", "the mine would close", "", attribution.Indirect},
		{attribution.RuleAppositive, "Tom Berg, the mayor of Ashby, a town of 900, said taxes would rise.",
			"Tom Berg, the mayor of Ashby, a town of 900", "said", "taxes would rise", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "A report released last year found that the river was polluted.",
			"A report released last year", "found", "that the river was polluted", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Rep. Ann Cole (D-Ore.) said the vote was close.",
			"Rep. Ann Cole (D-Ore.)", "said", "the vote was close", "", attribution.Indirect},
		{attribution.RuleQuoteCueSpeaker, "“It will pass,” said one source on the committee.",
			"one source on the committee", "said", "It will pass", "", attribution.Direct},
		{attribution.RuleSplit, "“We tried,” the coach said, turning to the bench, “and we lost.”",
			"the coach", "said", "We tried,” the coach said, turning to the bench, “and we lost", "", attribution.Direct},
		{attribution.RuleSplit, "“We tried,” the coach said. “We lost anyway.”",
			"the coach", "said", "We tried,” the coach said. “We lost anyway", "", attribution.Direct},
		{attribution.RuleSplit, "The river, as the engineer pointed out, rarely floods in May.",
			"the engineer", "pointed out", "The river, as the engineer pointed out, rarely floods in May", "", attribution.Indirect},
		{attribution.RuleClauseSpeakerCue, "As the engineer noted, the river rarely floods.",
			"the engineer", "noted", "the river rarely floods", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "“The mine is safe,” the owner said, adding that it would reopen.",
			"the owner", "adding", "that it would reopen", "", attribution.Indirect},
		{attribution.RuleSplit, "The old dam, the engineer said, will hold until spring.",
			"the engineer", "said", "The old dam, the engineer said, will hold until spring", "", attribution.Indirect},
		// A preposition the verb governs joins the cue.
		{attribution.RuleSpeakerCueClause, "The council complained about the noise from the port.",
			"The council", "complained about", "the noise from the port", "", attribution.Indirect},
		// A verb of appearance: the writer's stance, the cue inside the
		// content. It is read in a sentence tagged for another cue.
		{attribution.RuleSeem, "The new bridge seems to be holding up well after the mayor announced repairs.",
			"", "seems", "The new bridge seems to be holding up well after the mayor announced repairs", "", attribution.Indirect},
		{attribution.RuleSeem, "The old ferry appeared ready for the storm, despite what the crew said.",
			"", "appeared", "The old ferry appeared ready for the storm", "", attribution.Indirect},
		{attribution.RuleSeem, "It seems likely that the vote will be delayed, which the council expected.",
			"", "seems", "likely that the vote will be delayed", "", attribution.Indirect},
		// A poll as the source.
		{attribution.RuleAccordingTo, "In a survey released Monday, most residents backed the harbor plan.",
			"a survey released Monday", "In", "most residents backed the harbor plan", "", attribution.Indirect},
		// The tagger reads "released" as a past tense here; no finite verb
		// stands in the opening phrase.
		{attribution.RuleAccordingTo, "In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose Clinton.",
			"an NBC News/Wall Street Journal poll released Monday", "In", "50 percent of respondents chose Clinton", "", attribution.Indirect},
		{attribution.RuleAccordingTo, "In the most recent YouGov/Economist survey, 71 percent of Sanders supporters approved of Obama.",
			"the most recent YouGov/Economist survey", "In", "71 percent of Sanders supporters approved of Obama", "", attribution.Indirect},
		// The content ends before a clause with a cue of its own, or "however".
		{attribution.RuleSpeakerCueClause, "The mayor said the pier was safe, and the engineer said the road was not.",
			"The mayor", "said", "the pier was safe", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Most voters said they liked the plan, however few would pay for it.",
			"Most voters", "said", "they liked the plan", "", attribution.Indirect},
		// A cue verb in a title-case headline.
		{attribution.RuleSpeakerCueClause, "Harbor Chief Praises New Ferry Schedule",
			"Harbor Chief", "Praises", "New Ferry Schedule", "", attribution.Indirect},
		// A question with no named asker.
		{attribution.RuleSpeakerCueClause, "Asked whether the pier would reopen, the mayor said it would.",
			"", "Asked", "whether the pier would reopen", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "The mayor was asked if the pier would reopen.",
			"", "was asked", "if the pier would reopen", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "The mayor was asked by a reporter whether the pier would reopen.",
			"a reporter", "was asked", "whether the pier would reopen", "", attribution.Indirect},
		// A verb whose content is its object noun phrase.
		{attribution.RuleSpeakerCueClause, "Most farmers support the new dam because it stores water.",
			"Most farmers", "support", "the new dam", "", attribution.Indirect},
		// The one urged is the subject of the infinitive and opens the content.
		{attribution.RuleSpeakerCueClause, "The mayor urged residents to stay indoors.",
			"The mayor", "urged", "residents to stay indoors", "residents", attribution.Indirect},
		// A noun of statement with its possessor.
		{attribution.RuleSpeakerCueClause, "Residents laughed at the mayor's claim that the pier is safe.",
			"the mayor", "claim", "that the pier is safe", "", attribution.Indirect},
		// A passive with its agent: the agent speaks of the subject.
		{attribution.RuleClauseSpeakerCue, "The harbor plan was first reported by the local paper.",
			"the local paper", "was first reported by", "The harbor plan", "", attribution.Indirect},
		// A relative pronoun before the speaker opens the content.
		{attribution.RuleSpeakerCueClause, "The council approved the plan, which the mayor said would cost too much.",
			"the mayor", "said", "which the mayor said would cost too much", "", attribution.Indirect},
		// A raising passive: no named source, the subject in the content.
		{attribution.RulePassive, "The ferry is expected to resume service in May.",
			"", "is expected", "The ferry is expected to resume service in May", "", attribution.Indirect},
		{attribution.RulePassive, "The council, which was said to favor the plan, met on Monday.",
			"", "was said", "which was said to favor the plan", "", attribution.Indirect},
		{attribution.RuleQuoteSpeakerCue, "“The dam will hold,” she continued.",
			"she", "continued", "The dam will hold", "", attribution.Direct},
		// A relative clause right after an inverted speaker belongs to it.
		{attribution.RuleQuoteCueSpeaker, "“The dam will hold,” said an engineer who asked not to be named.",
			"an engineer who asked not to be named", "said", "The dam will hold", "", attribution.Direct},
		// An appositive after a name with its party in parentheses.
		{attribution.RuleAppositive, "Sen. Ann Cole (D-Ore.), chair of the water panel, said the dam would hold.",
			"Sen. Ann Cole (D-Ore.), chair of the water panel", "said", "the dam would hold", "", attribution.Indirect},
		// A tag forced on a word that came to nothing is given back: "2013
		// report" stays a noun before the appositive.
		{attribution.RuleAppositive, "One author of the 2013 report, Ann Cole, said the dam would hold.",
			"One author of the 2013 report, Ann Cole", "said", "the dam would hold", "", attribution.Indirect},
		// A noun of attitude with its possessor reports its object.
		{attribution.RuleSpeakerCueClause, "The mayor defended the budget despite her criticism of the ferry plan.",
			"her", "criticism of", "the ferry plan", "", attribution.Indirect},
		// A parenthetical adverb or participle clause is not the speaker's.
		{attribution.RuleAppositive, "The mayor, however, said the dam would hold.",
			"The mayor", "said", "the dam would hold", "", attribution.Indirect},
		{attribution.RuleAppositive, "The mayor, speaking on the radio, said the dam would hold.",
			"The mayor", "said", "the dam would hold", "", attribution.Indirect},
		// An adjective after a determiner heads the speaker's phrase.
		{attribution.RuleQuoteCueSpeaker, "“The dam will hold,” said the 52-year-old.",
			"the 52-year-old", "said", "The dam will hold", "", attribution.Direct},
		// A title the tagger reads as an adverb stays in the phrase.
		{attribution.RuleQuoteCueSpeaker, "“The dam will hold,” said Berg ally Tom Lund.",
			"Berg ally Tom Lund", "said", "The dam will hold", "", attribution.Direct},
		// A name the tagger reads as an adverb for its "-ly".
		{attribution.RuleSpeakerCueClause, "Kelly said the dam would hold.",
			"Kelly", "said", "the dam would hold", "", attribution.Indirect},
		// A quantifier as the whole subject, and a participle after the noun.
		{attribution.RuleSpeakerCueClause, "Several said the dam would hold.",
			"Several", "said", "the dam would hold", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Most of the farmers polled said the dam would hold.",
			"Most of the farmers polled", "said", "the dam would hold", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "The mayor has since said the dam would hold.",
			"The mayor", "has since said", "the dam would hold", "", attribution.Indirect},
		// A gerund after a preposition takes the clause's subject.
		{attribution.RuleSpeakerCueClause, "The mayor closed the meeting by promising that the dam would hold.",
			"The mayor", "promising", "that the dam would hold", "", attribution.Indirect},
		// An appositive at the clause's end is the writer's, not the content.
		{attribution.RuleSpeakerCueClause, "The mayor said the plan came from Tom Berg, a former engineer.",
			"The mayor", "said", "the plan came from Tom Berg", "", attribution.Indirect},
		// A pair of dashes sets off an aside inside the content.
		{attribution.RuleSpeakerCueClause, "The mayor said the dam -- built in 1950 -- would hold.",
			"The mayor", "said", "the dam -- built in 1950 -- would hold", "", attribution.Indirect},
		// Stacked appositives after an inverted speaker belong to it.
		{attribution.RuleQuoteCueSpeaker, "“We are ready,” said Ann Lee, 32, of Ashby, a nurse at the clinic.",
			"Ann Lee, 32, of Ashby, a nurse at the clinic", "said", "We are ready", "", attribution.Direct},
		// A relative clause that runs on past a quotation is left out.
		{attribution.RuleQuoteCueSpeaker, "“The dam will hold,” said Berg, who added that the river was “falling fast” this week.",
			"Berg", "said", "The dam will hold", "", attribution.Direct},
		// A name in quote marks inside the speaker's phrase.
		{attribution.RuleQuoteCueSpeaker, "“We will rebuild,” said the host of “Morning Harbor,” giving an example.",
			"the host of “Morning Harbor", "said", "We will rebuild", "", attribution.Direct},
		// A coordinated clause with its own speaker and cue ends the content.
		{attribution.RuleSpeakerCueClause, "Most farmers said the dam was too small, and a third said it leaked.",
			"Most farmers", "said", "the dam was too small", "", attribution.Indirect},
		// A raising verb in its base form joins the cue after it.
		{attribution.RuleSpeakerCueClause, "I continue to believe that the dam will hold.",
			"I", "continue to believe", "that the dam will hold", "", attribution.Indirect},
		// A third-person form between a singular noun and a noun phrase is
		// the verb, whatever the tagger reads.
		{attribution.RuleSpeakerCueClause, "The new poll shows Trump far ahead of his rivals.",
			"The new poll", "shows", "Trump far ahead of his rivals", "", attribution.Indirect},
		// So is a base form between a plural noun and a noun phrase.
		{attribution.RuleSpeakerCueClause, "About three-quarters support a temporary ban on new arrivals.",
			"three-quarters", "support", "a temporary ban on new arrivals", "", attribution.Indirect},
		// Verbs of saying that are also nouns: "state".
		{attribution.RuleSpeakerCueClause, "The report stated that the river was polluted.",
			"The report", "stated", "that the river was polluted", "", attribution.Indirect},
		// A time phrase between the subject and its verb is not the
		// subject, after a relative pronoun too, and a relative clause
		// set off by commas ends before the main clause's verb.
		{attribution.RuleSpeakerCueClause, "The mayor, who in 2010 said the pier was unsafe, has since changed her mind.",
			"who", "said", "the pier was unsafe", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Anna Berg, who earlier this month said the beds were full, opened a second shelter.",
			"who", "said", "the beds were full", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "The engineer in 2015 said the dam would hold.",
			"The engineer", "said", "the dam would hold", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "The mayor, who said the engineer, who drafted the plan, was wrong, left early.",
			"who", "said", "the engineer, who drafted the plan, was wrong", "", attribution.Indirect},
		// Coordinated subjects: a possessive apostrophe, "neither ...
		// nor", a focus adverb after "and", a parenthetical closing the
		// first name, an adjective and a name.
		{attribution.RuleSpeakerCueClause, "Sanders’ aides said the campaign would go on.",
			"Sanders’ aides", "said", "the campaign would go on", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Neither the mayor nor her aides said the bridge was safe.",
			"Neither the mayor nor her aides", "said", "the bridge was safe", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Engineers and even some residents say the bridge is safe.",
			"Engineers and even some residents", "say", "the bridge is safe", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Rep. Ann Lee (D) and Rep. Tom Cole (R) said the bill would pass.",
			"Rep. Ann Lee (D) and Rep. Tom Cole (R)", "said", "the bill would pass", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Progressive and Muslim groups said the ban was unlawful.",
			"Progressive and Muslim groups", "said", "the ban was unlawful", "", attribution.Indirect},
		// A subject opens with neither the inverted cue before it nor a
		// subordinator.
		{attribution.RuleSpeakerCueClause, "“The bridge is safe,” said Ann Lee, an engineer with the city, referring to the repairs.",
			"Ann Lee, an engineer with the city", "referring to", "the repairs", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Though Kaine has described himself as a skeptic, he voted for the plan.",
			"Kaine", "has described", "himself as a skeptic", "", attribution.Indirect},
		// An inverted speaker with a relation before "to" or a gerund
		// that modifies its noun.
		{attribution.RuleQuoteCueSpeaker, "“The repairs are overdue,” said a lawyer close to the family.",
			"a lawyer close to the family", "said", "The repairs are overdue", "", attribution.Direct},
		{attribution.RuleQuoteCueSpeaker, "“The repairs are overdue,” said another leading bridge engineer, Ann Lee.",
			"another leading bridge engineer, Ann Lee", "said", "The repairs are overdue", "", attribution.Direct},
		// A name with a place of origin, and an age, before a relative
		// clause.
		{attribution.RuleAppositive, "Harry Bond, 30, of Raleigh, N.C., who was among those polled, said the race was close.",
			"Harry Bond, 30, of Raleigh, N.C., who was among those polled", "said", "the race was close", "", attribution.Indirect},
		{attribution.RuleAppositive, "Harry Bond, of Raleigh, who was among those polled, said the race was close.",
			"Harry Bond, of Raleigh, who was among those polled", "said", "the race was close", "", attribution.Indirect},
		// A quoted name or term modifies the noun after it; a show's
		// name that closes on a comma is in apposition to the name
		// after it.
		{attribution.RuleSpeakerCueClause, "The “Avatar” star said the film would return.",
			"The “Avatar” star", "said", "the film would return", "", attribution.Indirect},
		{attribution.RuleQuoteCueSpeaker, "“We will win,” said the “Avatar” star.",
			"the “Avatar” star", "said", "We will win", "", attribution.Direct},
		{attribution.RuleSpeakerCueClause, "The “No Comparison” ad argues that Cruz can win.",
			"The “No Comparison” ad", "argues", "that Cruz can win", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Speaking on ABC’s “This Week,” Rubio said the plan was dead.",
			"Rubio", "said", "the plan was dead", "", attribution.Indirect},
		// A relative clause whose pronoun is its subject belongs to the
		// subject before the verb, and its object is none; a pronoun that
		// is the object leaves the subject after it.
		{attribution.RuleSpeakerCueClause, "Senior campaign advisers who have run the numbers argue that the lead is safe.",
			"Senior campaign advisers who have run the numbers", "argue", "that the lead is safe", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "People who know the mayor say he will run again.",
			"People who know the mayor", "say", "he will run again", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "Officials who met with the governor this week said the budget would pass.",
			"Officials who met with the governor", "said", "the budget would pass", "", attribution.Indirect},
		{attribution.RuleSpeakerCueClause, "It is a plan that most economists say will fail.",
			"most economists", "say", "will fail", "", attribution.Indirect},
	}
	for _, tc := range tests {
		t.Run(tc.rule+"/"+tc.text, func(t *testing.T) {
			as := resolve(tc.text)
			var got *attribution.Attribution
			for i := range as {
				if as[i].Rule == tc.rule && as[i].Cue.Text == tc.cue {
					got = &as[i]
					break
				}
			}
			require.NotNil(t, got, "no attribution by rule %q in %+v", tc.rule, as)
			assert.Equal(t, tc.speaker, trim(got.Speaker.Text), "speaker %q, trimmed", got.Speaker.Text)
			assert.Equal(t, tc.cue, got.Cue.Text, "cue")
			assert.Equal(t, tc.content, trim(got.Extent.Text), "content %q, trimmed", got.Extent.Text)
			assert.Equal(t, tc.addressee, got.Addressee.Text, "addressee")
			assert.Equal(t, tc.typ, got.Type, "type")
			assert.Greater(t, got.Confidence, 0.0, "confidence, want in (0,1]")
			assert.LessOrEqual(t, got.Confidence, 1.0, "confidence, want in (0,1]")
		})
	}
}

// TestQuotesWithoutCue checks the rules for quotations no cue claims.
func TestQuotesWithoutCue(t *testing.T) {
	tests := []struct {
		text, quote, rule, speaker, cue string
	}{
		{"“We expected more,” the coach said.\n\n“The players know it.”", "“The players know it.”", attribution.RuleContinuation, "the coach", ""},
		{"Nobody answered.\n\n“Nothing lasts forever.”", "“Nothing lasts forever.”", attribution.RuleQuote, "", ""},
		{"Letters came in.\n\n“Vote early and vote often.” — Jane Doe\n\nThe end.", "“Vote early and vote often.”", attribution.RuleDashSpeaker, "Jane Doe", "—"},
		// A quotation that fills its paragraph is signed on the next line,
		// where a hyphen that opens the line is a dash; one inside a
		// paragraph is not.
		{"The claim was checked.\n\n“Almost all new income is going to the top 1 percent.”\n\n- Bernie Sanders.\n\nIt is mostly true.", "“Almost all new income is going to the top 1 percent.”", attribution.RuleDashSpeaker, "Bernie Sanders", "-"},
		{"Letters came in.\n\n“Vote early and vote often.”\n— Jane Doe\n\nThe end.", "“Vote early and vote often.”", attribution.RuleDashSpeaker, "Jane Doe", "—"},
		{"Nobody answered.\n\nBelow the photo, “Nothing lasts forever.”\n\n- Jane Doe\n\nThe end.", "“Nothing lasts forever.”", attribution.RuleQuote, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			var got *attribution.Attribution
			as := resolve(tc.text)
			for i := range as {
				if as[i].Extent.Text == tc.quote {
					got = &as[i]
				}
			}
			require.NotNil(t, got, "no attribution of %q in %+v", tc.quote, as)
			assert.Equal(t, tc.rule, got.Rule, "rule")
			assert.Equal(t, tc.speaker, got.Speaker.Text, "speaker")
			assert.Equal(t, tc.cue, got.Cue.Text, "cue")
			assert.Equal(t, attribution.Direct, got.Type, "type")
			assert.Len(t, got.Quoted, 1, "quoted spans")
		})
	}
}

// TestNotSpeech checks that a name in quote marks is not attributed.
func TestNotSpeech(t *testing.T) {
	text := "The ship was called the “Mayflower” by its crew."
	for _, a := range resolve(text) {
		assert.NotContains(t, []string{attribution.RuleQuote, attribution.RuleContinuation}, a.Rule, "quoted name attributed: %+v", a)
	}
}

// TestNotCue checks words that must not be taken as a cue: an editor's
// label before a colon, and a gerund that describes the act of saying.
func TestNotCue(t *testing.T) {
	for _, tc := range []struct{ text, cue string }{
		{"Correction: An earlier version misstated the date of the vote.", ":"},
		{"Photo: The harbor at dawn.", ":"},
		{"“The pier will open,” the council said in reading the decision.", "reading"},
	} {
		for _, a := range resolve(tc.text) {
			assert.NotEqual(t, tc.cue, a.Cue.Text, "%q: taken as a cue: %+v", tc.text, a)
		}
	}
}

// TestFragments checks that a short phrase in quotation marks with no cue
// is not a turn of speech, unless a verb of saying or naming or a noun that
// names words introduces it.
func TestFragments(t *testing.T) {
	tests := []struct {
		text, quote string
		want        bool
	}{
		{"Residents were handed “welcome packs” at the door.", "“welcome packs”", false},
		{"The actor, who stars in “Harbor Lights,” was late.", "“Harbor Lights,”", false},
		{"The mayor has used the phrase “open harbor” often.", "“open harbor”", true},
		{"The coach called them “lazy dreamers” and left.", "“lazy dreamers”", true},
		{"Nobody answered.\n\n“Nothing lasts forever.”", "“Nothing lasts forever.”", true},
	}
	for _, tc := range tests {
		got := false
		for _, a := range resolve(tc.text) {
			if a.Extent.Text == tc.quote || strings.Contains(a.Extent.Text, tc.quote) {
				got = true
			}
		}
		assert.Equal(t, tc.want, got, "%q: attributed", tc.text)
	}
}

// TestNotCues checks words that look like cues and are not: interview
// turn markers, aspect "continue", "find oneself", "appear" with no
// complement, a verb's form inside a name ("United States").
func TestNotCues(t *testing.T) {
	for _, text := range []string{
		"Q: Will the pier reopen?\n\nA: Yes, in May.",
		"The river continues to rise.",
		"The rebels found themselves surrounded.",
		"Hikers find the northern trail easy.",
		"The mayor appeared on television on Monday.",
		"The United States Senate passed the bill.",
	} {
		assert.Empty(t, resolve(text), "%q: attributed", text)
	}
}

// TestSeemSpans checks that a seeming clause is two fragments around its
// cue. (With "as the mayor noted" after it, the clause is the mayor's.)
func TestSeemSpans(t *testing.T) {
	as := resolve("The new bridge seems to be holding up well, by all accounts.")
	require.NotEmpty(t, as)
	assert.Equal(t, attribution.RuleSeem, as[0].Rule, "rule")
	var frags []string
	for _, s := range as[0].Spans {
		frags = append(frags, s.Text)
	}
	assert.Equal(t, []string{"The new bridge", "to be holding up well"}, frags, "fragments")
}

// TestPassive checks that a passive that does not report is no cue.
func TestPassive(t *testing.T) {
	assert.Empty(t, resolve("The driver was charged with speeding on Monday."), "attributed a passive")
	as := resolve("The bill is expected to pass.")
	require.Len(t, as, 1)
	assert.Equal(t, "is expected", as[0].Cue.Text, "cue")
}

// TestNested checks that a cue inside reported content is reported only
// with WithNested.
func TestNested(t *testing.T) {
	text := "The mayor said residents believe the plan will fail."
	sents := sentence.Split(text)
	qs := quote.Detect(text, sents)
	assert.Len(t, attribution.Resolve(text, sents, qs), 1, "default")
	r, err := attribution.New(attribution.WithNested(true))
	require.NoError(t, err)
	assert.Len(t, r.Resolve(text, sents, qs), 2, "WithNested")
}

// TestNestedAttitude checks that a verb of attitude inside reported
// content ("support", whose content is its object) is not reported on its
// own, and that a cue with its preposition still counts as a verb of
// saying.
func TestNestedAttitude(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"The mayor said residents support the new ferry.", 1},
		{"The mayor said the engineers complained about the noise.", 2},
	}
	for _, tc := range tests {
		assert.Len(t, resolve(tc.text), tc.want, "%q", tc.text)
	}
}

// TestQuoteRuns checks both conventions for a quotation that runs on in
// the next sentence.
func TestQuoteRuns(t *testing.T) {
	text := "“We tried,” the coach said. “We lost anyway.”"
	sents := sentence.Split(text)
	qs := quote.Detect(text, sents)
	r, err := attribution.New(attribution.WithQuoteRuns(false))
	require.NoError(t, err)
	as := r.Resolve(text, sents, qs)
	require.Len(t, as, 2, "WithQuoteRuns(false): want a quotation and its continuation")
	assert.Equal(t, "“We tried,”", as[0].Extent.Text, "the quotation")
	assert.Equal(t, attribution.RuleContinuation, as[1].Rule, "the continuation's rule")
}

// TestQuoteRunsJoin lists texts where the quotation that opens the
// sentence after an attributed one is a further fragment of it (the
// default, as PolNeAR annotates it), and texts where it is not.
func TestQuoteRunsJoin(t *testing.T) {
	tests := []struct {
		name, text string
		fragments  int
	}{
		{"the plain run", "“We tried,” the coach said. “We lost anyway.”", 2},
		{"a no-break space before the next quotation", "“We tried,” the coach said.\u00a0“We lost anyway.”", 2},
		{"a quoted name in the cue's sentence", "“He is right,” Flynn, a top Trump surrogate, said Thursday on Fox News’s “Fox and Friends.” “There is a lot of frustration.”", 2},
		{"a quotation of its own in the cue's sentence", "“We tried,” the coach said, “and failed.” “We lost anyway.”", 2},
		{"a cue after the next quotation", "“We tried,” the coach said. “We lost,” he added.", 1},
		{"a verb in the next paragraph is not its cue", "“We tried,” the coach said. “We played ‘the long game.’”\n\nThe team praised the coach.", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := resolve(tt.text)
			require.NotEmpty(t, as)
			assert.Equal(t, tt.fragments, max(len(as[0].Spans), 1), "fragments of %q", as[0].Extent.Text)
		})
	}
}

// TestCoordinatedCut checks that an attribution whose content is cut
// before a second one ("..., the plan is dead; the governor said ...")
// takes its type and quoted words from what is left of it, with the model
// choosing the readings, as Resolve does by default.
func TestCoordinatedCut(t *testing.T) {
	tests := []struct {
		name, text, content string
		typ                 attribution.Type
		quoted              int
	}{
		{"the quotation goes with the second", "According to the mayor, the plan is dead; the governor said “it lives.”", "the plan is dead", attribution.Indirect, 0},
		{"the quotation stays with the first", "According to the mayor, the plan is “dead”; the governor said it lives.", "the plan is “dead”", attribution.Mixed, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := sentence.Split(tt.text)
			as := attribution.Resolve(tt.text, sents, quote.Detect(tt.text, sents))
			require.NotEmpty(t, as)
			assert.Equal(t, tt.content, as[0].Extent.Text)
			assert.Equal(t, tt.typ, as[0].Type)
			assert.Len(t, as[0].Quoted, tt.quoted)
		})
	}
}

// TestParticipleAfterAttribution checks that a participle phrase after an
// attribution whose speaker follows its verb takes that speaker, as it
// takes a subject before the verb ("Devine said, suggesting").
func TestParticipleAfterAttribution(t *testing.T) {
	tests := []struct{ name, text, cue, speaker string }{
		{"said NAME, suggesting", "“The race is close,” said Devine, suggesting that the contests would matter.", "suggesting", "Devine"},
		{"said NAME, adding", "“It is not new,” said Rep. Ann Cole, adding that the law was old.", "adding", "Rep. Ann Cole"},
		{"subject before the verb", "“It is not new,” the senator said, adding that the law was old.", "adding", "the senator"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *attribution.Attribution
			for _, a := range resolve(tt.text) {
				if a.Cue.Text == tt.cue {
					got = &a
				}
			}
			require.NotNil(t, got, "no attribution with the cue %q", tt.cue)
			assert.Equal(t, tt.speaker, got.Speaker.Text)
		})
	}
}

// TestMisplacedMarks checks that the words of a quotation that opens with
// an attribution of its own right after a comma, where a closing mark
// belongs, are read as narration: the attribution inside reports the
// clause before it. Elsewhere such a quotation stays one.
func TestMisplacedMarks(t *testing.T) {
	tests := []struct {
		name, text            string
		speaker, cue, content string // of the attribution whose cue is cue; "" for none
	}{
		{"mirrored marks", "The mayor focused on the budget for next year, “the official said, adding that taxes would fall” soon.",
			"the official", "said", "The mayor focused on the budget for next year"},
		{"no comma before", "Acknowledging that Trump “says a lot of stupid stuff,” Allen did suggest that wealth helps him.",
			"", "says", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents := sentence.Split(tc.text)
			qs := quote.Detect(tc.text, sents)
			for _, attrs := range [][]attribution.Attribution{rulesOnly.Resolve(tc.text, sents, qs), attribution.Resolve(tc.text, sents, qs)} {
				var got *attribution.Attribution
				for i := range attrs {
					if attrs[i].Cue.Text == tc.cue {
						got = &attrs[i]
					}
				}
				if tc.speaker == "" {
					assert.Nil(t, got, "%v", attrs)
					continue
				}
				require.NotNil(t, got, "%v", attrs)
				assert.Equal(t, tc.speaker, got.Speaker.Text)
				assert.Equal(t, tc.content, trim(got.Extent.Text))
			}
		})
	}
}

// TestContentStopsAtCue checks that the content of a quotation before its
// speaker and cue (“...,” Lee said) does not run back over a clause of
// saying of its own earlier in the sentence, which keeps its attribution.
func TestContentStopsAtCue(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // contents, in order
	}{
		{"a cue between two quotations",
			"“Are we winning?” she asked, but he was asleep, and as the mayor went on about “the harbor,” Lee said yes.",
			[]string{"Are we winning", "the harbor"}},
		{"a quotation that runs from the sentence's start",
			"“The harbor will open in May,” Lee said.",
			[]string{"The harbor will open in May"}},
		{"narration with no cue before the quotation",
			"As the crowd cheered, “we will win,” Lee said.",
			[]string{"As the crowd cheered, “we will win"}},
		{"a cue before any quotation governs it",
			"Lee and Park also agreed to “stay in close contact,” the department said.",
			[]string{"Lee and Park also agreed to “stay in close contact"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, a := range resolve(tt.text) {
				got = append(got, trim(a.Extent.Text))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestQuestions checks the question of an absolute "asked": after a
// question word, an adverb of manner before one, or what it was asked
// about when the cue ends on its particle.
func TestQuestions(t *testing.T) {
	tests := []struct {
		name, text, cue, content string
	}{
		{"a question word", "Asked whether the plan would work, the mayor said no.", "Asked", "whether the plan would work"},
		{"an adverb before the question word", "Asked specifically what should be done with the pier, the voters were divided.", "Asked", "what should be done with the pier"},
		{"what it was asked about", "Asked about the closing of the pier, the mayor said it would reopen.", "Asked about", "the closing of the pier"},
		{"when asked about", "The mayor smiled when asked about the closing of the pier.", "asked about", "the closing of the pier"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found bool
			for _, a := range resolve(tt.text) {
				if a.Cue.Text == tt.cue {
					found = true
					assert.Equal(t, tt.content, trim(a.Extent.Text))
				}
			}
			assert.True(t, found, "no attribution with the cue %q", tt.cue)
		})
	}
}
