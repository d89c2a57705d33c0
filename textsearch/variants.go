package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Variants returns the readings of text that search matches, folded and deduplicated: first
// the masculine (or only) reading, then the feminine reading, then the plain Fold of text when
// it differs from both. French inclusive and paired forms are expanded:
//
//	"Développeur·euse web"                         → "developpeur web", "developpeuse web", "developpeur euse web"
//	"Chef·fe de projet"                            → "chef de projet", "cheffe de projet", "chef fe de projet"
//	"Accastilleur(se)"                             → "accastilleur", "accastilleuse", "accastilleur se"
//	"Développeur / Développeuse informatique"      → "developpeur informatique", "developpeuse informatique",
//	                                                 "developpeur developpeuse informatique"
//	"directeur technique/directrice technique"     → "directeur technique", "directrice technique",
//	                                                 "directeur technique directrice technique"
//
// Inclusive forms are a word followed by a suffix after a middle dot (·, •, ∙, ⋅, ‧), in
// parentheses glued to the word ("Agent(e)", "site(s)"), or after "." or "-" when the suffix is a
// known feminine ending that fits the word ("développeur-euse", "agent.e"; "Accastilleur-gréeur"
// is a compound, not an inclusive form). A second dotted suffix "s" marks the plural
// ("client·e·s" → clients, clientes). Paired forms are "masculine / feminine" with or without
// spaces around the slash; the words before the slash pair with as many words after it, when
// each pair is a word and its feminine (or the same word). Other slashes
// ("infrastructure/environnement") only separate words.
//
// Variants returns nil when text has no letters or digits.
func Variants(text string) []string {
	pre := prefold(text)
	plain := foldPrefolded(pre)
	if plain == "" {
		return nil
	}
	if !strings.ContainsAny(pre, "/\\(.-"+string(middleDot)) {
		return []string{plain} // no inclusive or paired form
	}
	words := readWords(pre)
	pairSlashes(words)
	var masc, fem []string
	for _, w := range words {
		if w.inMasc {
			masc = append(masc, w.m)
		}
		if w.inFem {
			fem = append(fem, w.f)
		}
	}
	return dedupe([]string{strings.Join(masc, " "), strings.Join(fem, " "), plain})
}

// Words returns the words a node with these names is found by (texts[0] the name, texts[1:]
// alternative names): every distinct token of every variant of every text, in order of first
// appearance. An Index holds exactly these words for each node.
func Words(texts []string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, t := range texts {
		for _, v := range Variants(t) {
			for _, tok := range Tokens(v) {
				if !seen[tok] {
					seen[tok] = true
					out = append(out, tok)
				}
			}
		}
	}
	return out
}

// dedupe drops empty strings and repeats, keeping the first occurrence of each string.
func dedupe(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s == "" {
			continue
		}
		seen := false
		for _, o := range out {
			if o == s {
				seen = true
				break
			}
		}
		if !seen {
			out = append(out, s)
		}
	}
	return out
}

// gapKind says what separates a word from the previous one.
type gapKind int

const (
	gapPlain    gapKind = iota // spaces, apostrophes, hyphens: the words belong together
	gapBoundary                // parentheses, commas, semicolons, dashes: a new group starts
	gapSlash                   // a slash: maybe a "masculine / feminine" pair
)

// maxSuffixLen is the longest inclusive suffix read in parentheses ("bleuse" in
// "Assembleur(bleuse)"); longer words there are separate words.
const maxSuffixLen = 6

// word is one token of a text with its masculine and feminine spellings (the same for most
// words) and whether it belongs to each reading.
type word struct {
	m, f          string
	gap           gapKind // what separates it from the previous word
	inMasc, inFem bool
}

// chunks splits a prefolded text into words (runs of letters and digits) and the separators
// around them: seps[i] precedes words[i]; seps[len(words)] trails.
func chunks(pre string) (words, seps []string) {
	start := 0
	inWord := false
	for i, r := range pre {
		w := isWordRune(r)
		if w == inWord {
			continue
		}
		if w {
			seps = append(seps, pre[start:i])
		} else {
			words = append(words, pre[start:i])
		}
		start = i
		inWord = w
	}
	if inWord {
		words = append(words, pre[start:])
		seps = append(seps, "")
	} else {
		seps = append(seps, pre[start:])
	}
	return words, seps
}

// readWords reads a prefolded text into words, merging inclusive forms ("développeur·euse",
// "agent(e)s") into one word with a masculine and a feminine spelling.
func readWords(pre string) []word {
	raw, seps := chunks(pre)
	var out []word
	gapSep := seps[0]
	for k := 0; k < len(raw); k++ {
		base := raw[k]
		var parts []string
		next := k + 1 // the first chunk not consumed
		switch sep := seps[k+1]; {
		case next < len(raw) && sep == string(middleDot) && isLetters(base) && isDottedSuffix(base, raw[next]):
			parts = append(parts, raw[next])
			next++
			for next < len(raw) && seps[next] == string(middleDot) && isLetters(raw[next]) {
				parts = append(parts, raw[next])
				next++
			}
		case next < len(raw) && (sep == "." || sep == "-") && isLetters(base) && fitsMarkedSuffix(base, raw[next]):
			parts = append(parts, raw[next])
			next++
			if next < len(raw) && seps[next] == sep && raw[next] == "s" {
				parts = append(parts, "s")
				next++
			}
		case next < len(raw) && sep == "(" && isLetters(base) && isLetters(raw[next]) &&
			utf8.RuneCountInString(raw[next]) <= maxSuffixLen && strings.HasPrefix(seps[next+1], ")"):
			parts = append(parts, raw[next])
			next++
			seps[next] = seps[next][1:] // the ")" is read
			if seps[next] == "" && next < len(raw) && raw[next] == "s" {
				parts = append(parts, "s") // "employé(e)s"
				next++
			}
		}
		w := word{m: base, f: base, gap: classifyGap(gapSep), inMasc: true, inFem: true}
		if len(parts) > 0 {
			w.m, w.f = inflect(base, parts)
		}
		out = append(out, w)
		gapSep = seps[next]
		k = next - 1
	}
	return out
}

// isDottedSuffix reports whether suf, written after base with a middle dot, is an inclusive
// ending: a short one ("e", "fe", "la"), a known feminine ending maybe plural ("euse", "rices"),
// or the feminine of a function word ("il·elle"). "web·mobile" is two words.
func isDottedSuffix(base, suf string) bool {
	if !isLetters(suf) {
		return false
	}
	if utf8.RuneCountInString(suf) <= 3 || feminineWords[base] != "" {
		return true
	}
	return isFeminineEnding(suf) || isFeminineEnding(strings.TrimSuffix(suf, "s"))
}

// isLetters reports whether s is made of letters only.
func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// classifyGap says what a separator between two words means for slash pairing.
func classifyGap(sep string) gapKind {
	switch {
	case strings.ContainsAny(sep, "/\\"):
		return gapSlash
	case strings.ContainsAny(sep, "()[]{},;:|!?–—\"«»"+string(middleDot)),
		strings.Contains(sep, " -"), strings.Contains(sep, "- "):
		return gapBoundary
	}
	return gapPlain
}

// fitsMarkedSuffix reports whether suf, written after base with "." or "-", is an inclusive
// feminine ending of base ("développeur-euse", "agent.e", "chef-fe") rather than a compound
// ("accastilleur-gréeur") or an abbreviation ("node.js").
func fitsMarkedSuffix(base, suf string) bool {
	if len(suf) > 1 && strings.HasSuffix(suf, "s") {
		suf = suf[:len(suf)-1] // a plural: "-es", "-euses", "-rices"
	}
	switch suf {
	case "e":
		return true
	case "euse", "rice":
		return strings.HasSuffix(base, "eur")
	case "trice":
		return strings.HasSuffix(base, "teur")
	case "se":
		return strings.HasSuffix(base, "eur") || strings.HasSuffix(base, "x")
	case "ere":
		return strings.HasSuffix(base, "er")
	case "iere":
		return strings.HasSuffix(base, "ier")
	case "ne", "nne":
		return strings.HasSuffix(base, "n")
	case "le":
		return strings.HasSuffix(base, "el")
	case "fe":
		return strings.HasSuffix(base, "f")
	case "ve", "ive":
		return strings.HasSuffix(base, "f")
	case "sse":
		return strings.HasSuffix(base, "e")
	case "te":
		return strings.HasSuffix(base, "t")
	}
	return false
}

// inflect returns the masculine and feminine spellings of base written with inclusive
// suffixes: ["euse"] → developpeur, developpeuse; ["e", "s"] → clients, clientes;
// ["es"] → clients, clientes; ["s"] → site, sites.
func inflect(base string, parts []string) (m, f string) {
	suf := parts[0]
	rest := strings.Join(parts[1:], "")
	switch {
	case suf == "s" && rest == "":
		return base, base + "s"
	case rest == "s":
		return base + "s", feminize(base, suf) + "s"
	case rest == "" && len(suf) > 1 && strings.HasSuffix(suf, "s") && isFeminineEnding(suf[:len(suf)-1]):
		stem := strings.TrimSuffix(base, "s")
		return stem + "s", feminize(stem, suf[:len(suf)-1]) + "s"
	}
	return base, feminize(base, suf) + rest
}

// isFeminineEnding reports whether suf is a feminine ending that inclusive writing puts after
// a masculine word (used to read "es", "euses", "rices"… as a feminine ending plus a plural).
func isFeminineEnding(suf string) bool {
	switch suf {
	case "e", "euse", "rice", "trice", "ne", "nne", "le", "fe", "ere", "iere", "se", "sse",
		"esse", "ve", "ive", "tive", "te", "teuse", "reuse", "enne", "ienne":
		return true
	}
	return false
}

// feminine spellings of function words written in inclusive form ("le·la", "il·elle").
var feminineWords = map[string]string{"il": "elle", "ils": "elles", "celui": "celle", "ceux": "celles"}

// feminize spells the feminine of the masculine word base from the inclusive suffix suf:
// developpeur + euse → developpeuse, directeur + rice → directrice, chef + fe → cheffe,
// monteur + se → monteuse, boulanger + ere → boulangere, administratif + ve → administrative.
func feminize(base, suf string) string {
	if f, ok := feminineWords[base]; ok {
		return f
	}
	switch suf {
	case "e", "ne", "le", "fe", "sse", "te":
		return base + suf
	case "se":
		if strings.HasSuffix(base, "eur") || strings.HasSuffix(base, "x") {
			return base[:len(base)-1] + suf
		}
		return base + suf
	case "euse":
		if strings.HasSuffix(base, "eur") || strings.HasSuffix(base, "eux") {
			return base[:len(base)-3] + suf
		}
	case "reuse": // "appareilleur(reuse)"
		if strings.HasSuffix(base, "eur") {
			return base[:len(base)-3] + "euse"
		}
	case "rice":
		if strings.HasSuffix(base, "eur") {
			return base[:len(base)-3] + suf
		}
	case "trice":
		if strings.HasSuffix(base, "teur") {
			return base[:len(base)-4] + suf
		}
	case "ere":
		if strings.HasSuffix(base, "er") {
			return base[:len(base)-2] + suf
		}
	case "iere":
		if strings.HasSuffix(base, "ier") {
			return base[:len(base)-3] + suf
		}
	case "ve":
		if strings.HasSuffix(base, "f") {
			return base[:len(base)-1] + suf
		}
	}
	// Otherwise the suffix replaces the end of base from the last occurrence of its first
	// letter, within the last five letters: administratif + ive, assembleur + bleuse,
	// projeteur + teuse, le + la. Failing that it is appended.
	first, _ := utf8.DecodeRuneInString(suf)
	if i := strings.LastIndex(base, string(first)); i >= 0 && utf8.RuneCountInString(base[i:]) <= 5 {
		return base[:i] + suf
	}
	return base + suf
}

// pairSlashes finds "masculine / feminine" pairs around slashes and takes the masculine words
// out of the feminine reading and the feminine words out of the masculine one.
// "Agent / Agente d'entretien": agent is masculine only, agente feminine only.
//
// The words paired are the last k words before the slash and the first k after it, for the
// largest k that pairs, looking first within the groups of words around the slash (up to a
// parenthesis, comma or dash), then within everything between the neighbouring slashes, as
// in ESCO's "négociant grossiste en café, thé/négociante grossiste en café, thé".
func pairSlashes(words []word) {
	for g := 1; g < len(words); g++ {
		if words[g].gap != gapSlash {
			continue
		}
		if !pairAround(words, g, gapBoundary) {
			pairAround(words, g, gapSlash)
		}
	}
}

// pairAround pairs the words around the slash before words[g], the groups around it ending
// at gaps of kind stop or stronger. It reports whether it found a pair.
func pairAround(words []word, g int, stop gapKind) bool {
	lo := g - 1
	for lo > 0 && words[lo].gap < stop {
		lo--
	}
	hi := g + 1
	for hi < len(words) && words[hi].gap < stop {
		hi++
	}
	left, right := words[lo:g], words[g:hi]
	for k := min(len(left), len(right)); k >= 1; k-- {
		whole := k == len(left) && k == len(right)
		before, after := left[len(left)-k:], right[:k]
		switch {
		case pairs(before, after, whole):
			for i := range before {
				before[i].inFem = false
				after[i].inMasc = false
			}
			return true
		case pairs(after, before, whole): // "Agente / Agent de bio-nettoyage"
			for i := range before {
				before[i].inMasc = false
				after[i].inFem = false
			}
			return true
		}
	}
	return false
}

// pairs reports whether each masculine word pairs with the feminine word at the same place
// (the same word, or its feminine). At least one pair must be a feminine, unless whole says
// the two lists are the whole groups around the slash ("Groupiste / Groupiste").
func pairs(masc, fem []word, whole bool) bool {
	differ := false
	for i := range masc {
		m, f := masc[i].m, fem[i].m
		if sameWord(m, f) {
			continue
		}
		if !isFeminineOf(m, f) {
			return false
		}
		differ = true
	}
	return differ || whole
}

// sameWord reports whether a and b are the same word, maybe one singular and the other plural.
func sameWord(a, b string) bool {
	return a == b || a+"s" == b || a == b+"s"
}

// feminineTails are the (masculine end, feminine end) pairs after the longest common prefix
// of a masculine word and its feminine: agent/agente ("", "e"), vendeur/vendeuse ("r", "se"),
// directeur/directrice ("eur", "rice"), sportif/sportive ("f", "ve").
var feminineTails = map[[2]string]bool{
	{"", "e"}: true, {"", "ne"}: true, {"", "le"}: true, {"", "fe"}: true, {"", "te"}: true,
	{"", "se"}: true, {"", "sse"}: true, {"", "esse"}: true, {"", "ue"}: true, {"", "he"}: true,
	{"", "ine"}: true, {"r", "se"}: true, {"r", "use"}: true, {"eur", "rice"}: true,
	{"er", "rice"}: true, {"ur", "resse"}: true, {"f", "ve"}: true, {"x", "se"}: true,
	{"x", "ce"}: true, {"c", "que"}: true, {"au", "lle"}: true, {"u", "lle"}: true,
	{"on", "e"}: true, {"s", "ine"}: true, {"o", "a"}: true, {"man", "woman"}: true,
	{"n", "id"}: true,
}

// genderedWords pair masculine and feminine words that do not share a stem.
var genderedWords = map[string]string{
	"le": "la", "il": "elle", "ils": "elles", "homme": "femme", "garcon": "fille",
	"monsieur": "dame", "steward": "hotesse", "valet": "femme", "moine": "moniale", "man": "woman",
	"boy": "girl",
}

// masculineEnds and feminineEnds are the word endings a looser match accepts between words
// with a common stem of four letters or more ("decontaminateur"/"decontamineuse").
var (
	masculineEnds = []string{"eur", "er", "ier", "if", "ien", "on", "ant", "ent"}
	feminineEnds  = []string{"euse", "rice", "ere", "iere", "ive", "ienne", "onne", "ante", "ente", "esse"}
)

// isFeminineOf reports whether f is the feminine of the word m (both folded, different),
// either of them maybe plural.
func isFeminineOf(m, f string) bool {
	for _, ms := range []string{m, strings.TrimSuffix(m, "s")} {
		for _, fs := range []string{f, strings.TrimSuffix(f, "s")} {
			if isFeminineOfSingular(ms, fs) {
				return true
			}
		}
	}
	return false
}

// isFeminineOfSingular is isFeminineOf for singular words.
func isFeminineOfSingular(m, f string) bool {
	if genderedWords[m] == f || feminineWords[m] == f {
		return true
	}
	p := 0
	for p < len(m) && p < len(f) && m[p] == f[p] {
		p++
	}
	if p < 2 {
		return false
	}
	mt, ft := m[p:], f[p:]
	if feminineTails[[2]string{mt, ft}] {
		return true
	}
	return p >= 4 && len(mt) <= 5 && len(ft) <= 6 && hasAnySuffix(m, masculineEnds) && hasAnySuffix(f, feminineEnds)
}

// hasAnySuffix reports whether s ends with one of the suffixes.
func hasAnySuffix(s string, suffixes []string) bool {
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}
