package tagger

// emoticons is prose's emoticon set (prose/v3 internal/emoticon), which its
// tagger tags SYM.
var emoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true,
	"(=": true, "(o:": true, "(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true,
	"-__-": true, "8-)": true, "8-D": true, "8D": true, ":(": true,
	":((": true, ":(((": true, ":()": true, ":)))": true, ":-)": true,
	":-))": true, ":-)))": true, ":-*": true, ":-/": true, ":-X": true,
	":-]": true, ":-o": true, ":-p": true, ":-x": true, ":-|": true,
	":-}": true, ":0": true, ":3": true, ":P": true, ":]": true,
	":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true,
	"=(": true, "=)": true, "=D": true, "=|": true, "@_@": true,
	"O.o": true, "O_o": true, "V_V": true, "XDD": true, "[-:": true,
	"^___^": true, "o_0": true, "o_O": true, "o_o": true, "v_v": true,
	"xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}
