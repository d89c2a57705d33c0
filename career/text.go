package career

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text folding, French inclusive-form expansion and search scoring.
//
// Both stores rank search results with the functions of this file, so that they answer
// identically: the memory store finds candidates with a TextIndex, Neo4j with its full-text
// index over SearchField (queried with FullTextQuery); both then score every candidate with
// MatchText (or its prepared form, TextQuery.Match) and drop those that do not match.

// middleDot is the character every inclusive-writing separator (·, •, ∙, ⋅, ‧) is folded to
// before Variants reads a text. It is never kept in a folded text.
const middleDot = '·'

// prefold lowercases s, removes diacritics (compatibility decomposition, then dropping the
// marks), spells ligatures and special letters (œ → oe, ß → ss, ø → o) and turns every
// inclusive-writing dot into middleDot. Other characters (punctuation, spaces) are kept. Bytes
// that are not UTF-8 become U+FFFD first, which folds to a separator: the normalisation would
// otherwise skip what follows them, and Fold would not be idempotent.
func prefold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s) // ASCII has no accents, ligatures or middle dots
	}
	s = strings.ToValidUTF8(s, string(utf8.RuneError))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me, unicode.Cf):
			// Accents and invisible format characters (soft hyphen, zero-width joiner).
			continue
		}
		r = unicode.ToLower(r)
		switch r {
		case 'œ':
			b.WriteString("oe")
		case 'æ':
			b.WriteString("ae")
		case 'ß':
			b.WriteString("ss")
		case 'ø':
			b.WriteByte('o')
		case 'đ', 'ð':
			b.WriteByte('d')
		case 'ł':
			b.WriteByte('l')
		case 'þ':
			b.WriteString("th")
		case 'ı':
			b.WriteByte('i')
		case 'ħ':
			b.WriteByte('h')
		case '·', '•', '∙', '⋅', '‧':
			b.WriteRune(middleDot)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isASCII reports whether s is made of ASCII characters only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isWordRune reports whether r belongs to a token: a letter or a digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Fold lowercases s, removes diacritics, spells ligatures (œ → oe, æ → ae, ß → ss) and turns
// every run of characters that are not letters or digits (spaces, punctuation, apostrophes,
// middle dots, slashes, hyphens, parentheses) into one space. The result is trimmed: tokens
// separated by single spaces.
// "Développeur·euse web  back-end" → "developpeur euse web back end".
func Fold(s string) string { return foldPrefolded(prefold(s)) }

// SortKey is the key lists are ordered by: the folded name.
func SortKey(name string) string { return Fold(name) }

// Tokens splits a folded text into its tokens. Tokens("") is empty.
func Tokens(folded string) []string { return strings.Fields(folded) }

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

// foldPrefolded is Fold for a text prefold has already read: it turns every run of
// characters that are not letters or digits into one space, and trims.
func foldPrefolded(pre string) string {
	var b strings.Builder
	space := false
	for _, r := range pre {
		if !isWordRune(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
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

// TextQuery is a parsed search query: the token lists of its variants.
type TextQuery struct {
	variants [][]string
}

// ParseTextQuery folds and expands a query with Variants. It reports false when the query has
// no tokens (blank, or punctuation only): the API rejects such a query as BAD_USER_INPUT.
func ParseTextQuery(query string) (*TextQuery, bool) {
	vs := Variants(query)
	if len(vs) == 0 {
		return nil, false
	}
	q := &TextQuery{}
	for _, v := range vs {
		q.variants = append(q.variants, Tokens(v))
	}
	return q, true
}

// Variants returns the token lists of the query's variants (Variants of the query, split).
// The caller must not modify them.
func (q *TextQuery) Variants() [][]string { return q.variants }

// selective returns the variants that select candidates: those not implied by another one.
// A variant whose every token is a prefix of a token of another variant selects every text the
// other selects ("developpeur" selects all that "developpeur euse" does), so the other adds
// nothing to a candidate search. Scoring still uses every variant.
func (q *TextQuery) selective() [][]string {
	var out [][]string
	for i, v := range q.variants {
		implied := false
		for j, w := range q.variants {
			if j != i && prefixesAll(w, v) && (j < i || !prefixesAll(v, w)) {
				implied = true
				break
			}
		}
		if !implied {
			out = append(out, v)
		}
	}
	return out
}

// prefixesAll reports whether every token of a is a prefix of some token of b.
func prefixesAll(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if strings.HasPrefix(y, x) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// PreparedTexts are a node's names ready for matching: for each text (the name first, then the
// alternative names), the token lists of its variants. Preparing once and matching many
// queries gives the same scores as MatchText.
type PreparedTexts struct {
	texts [][][]string
}

// PrepareTexts folds and expands texts[0] (the name) and texts[1:] (alternative names).
func PrepareTexts(texts []string) *PreparedTexts {
	p := &PreparedTexts{texts: make([][][]string, len(texts))}
	for i, t := range texts {
		for _, v := range Variants(t) {
			p.texts[i] = append(p.texts[i], Tokens(v))
		}
	}
	return p
}

// Score weights. A match's score is 1 when a query variant equals a text variant; otherwise
//
//	0.05 + 0.9 × (E + x) / (n + 1), x = min(0.8 × coverage + 0.2 × order, 0.999999)
//
// where n is the number of query tokens, E how many of them equal a text token (whole words),
// coverage the share of the text's tokens the query covers (a token matched by a prefix counts
// for the share of its letters typed), and order 1 when the text starts with the query's
// tokens, 0.75 when they come in the query's order from the text's first token with other
// tokens between, 0.5 when they come in order elsewhere, 0 otherwise. So, for one query
// variant, one more whole-word match always wins; among equal whole-word counts, covering more
// of a shorter text wins, then the query's word order. Matches on an alternative name are
// multiplied by altNameFactor. Every score of a match is in [0.05, 1].
const (
	altNameFactor = 0.9
	scoreFloor    = 0.05
	scoreSpan     = 0.9
	coverWeight   = 0.8
	orderWeight   = 0.2
	maxSecondary  = 0.999999
)

// MatchText scores how well query matches texts: texts[0] is a node's name and texts[1:] its
// alternative names. Query and texts are folded and expanded with Variants; a text variant
// matches a query variant when every query token is a prefix of some token of the text variant
// ("dévelop" matches "Développeur·euse web"). The best (query variant, text variant) pair gives
// the score, in (0, 1], rounded to 6 decimals: 1 for an exact match of the name, less for
// matches on a prefix of a word, on a longer text, or on an alternative name only (×0.9).
// ok is false when nothing matches or the query has no tokens.
func MatchText(query string, texts []string) (score float64, ok bool) {
	q, ok := ParseTextQuery(query)
	if !ok {
		return 0, false
	}
	return q.Match(PrepareTexts(texts))
}

// Match scores prepared texts against the query exactly as MatchText does.
func (q *TextQuery) Match(p *PreparedTexts) (score float64, ok bool) {
	best := 0.0
	for i, variants := range p.texts {
		factor := 1.0
		if i > 0 {
			factor = altNameFactor
		}
		for _, tv := range variants {
			for _, qv := range q.variants {
				if s, ok := scoreStrings(qv, tv); ok && s*factor > best {
					best = s * factor
				}
			}
		}
	}
	return finalScore(best)
}

// finalScore rounds the best pair score to 6 decimals; 0 means no match.
func finalScore(best float64) (float64, bool) {
	if best <= 0 {
		return 0, false
	}
	return math.Round(best*1e6) / 1e6, true
}

// scoreStrings scores one query variant against one text variant (see the score weights).
func scoreStrings(q, t []string) (float64, bool) {
	return scoreTokens(len(q), len(t),
		func(i, j int) (equal, prefix bool) {
			prefix = strings.HasPrefix(t[j], q[i])
			return prefix && len(t[j]) == len(q[i]), prefix
		},
		func(i, j int) float64 {
			return float64(utf8.RuneCountInString(q[i])) / float64(utf8.RuneCountInString(t[j]))
		})
}

// scoreTokens scores a query variant of nq tokens against a text variant of nt tokens (see the
// score weights). match(i, j) tells whether query token i equals text token j and whether it
// is a prefix of it; typed(i, j) is the share of text token j's letters that query token i
// (a prefix of it) spells. MatchText and TextIndex both score with it, over strings and over
// dictionary numbers.
func scoreTokens(nq, nt int, match func(i, j int) (equal, prefix bool), typed func(i, j int) float64) (float64, bool) {
	if nq == 0 || nt == 0 {
		return 0, false
	}
	// Most texts do not match: find that out first.
	for i := range nq {
		found := false
		for j := 0; j < nt && !found; j++ {
			_, found = match(i, j)
		}
		if !found {
			return 0, false
		}
	}
	if nq == nt {
		same := true
		for i := 0; i < nq && same; i++ {
			same, _ = match(i, i)
		}
		if same {
			return 1, true
		}
	}
	const none = -1
	var posBuf [16]int
	var exactBuf, usedBuf [16]bool
	var creditBuf [16]float64
	pos, exact := posBuf[:0], exactBuf[:0]
	if nq > len(posBuf) {
		pos, exact = make([]int, 0, nq), make([]bool, 0, nq)
	}
	for range nq {
		pos, exact = append(pos, none), append(exact, false)
	}
	used, credit := usedBuf[:0], creditBuf[:0]
	if nt > len(usedBuf) {
		used, credit = make([]bool, 0, nt), make([]float64, 0, nt)
	}
	for range nt {
		used, credit = append(used, false), append(credit, 0)
	}
	// Whole words first, each on a token of its own.
	for i := range nq {
		for j := range nt {
			if eq, _ := match(i, j); eq && !used[j] {
				pos[i], exact[i], used[j] = j, true, true
				break
			}
		}
	}
	// Then prefixes, on a token of their own when there is one left, or else on any.
	for i := range nq {
		if pos[i] != none {
			continue
		}
		for j := range nt {
			if _, pre := match(i, j); pre && !used[j] {
				pos[i], used[j] = j, true
				break
			}
		}
		if pos[i] != none {
			continue
		}
		for j := range nt {
			if eq, pre := match(i, j); pre {
				pos[i], exact[i] = j, eq
				break
			}
		}
	}
	// Coverage: each text token matched counts once, by the best share of it typed.
	wholeWords := 0
	for i, j := range pos {
		c := 1.0
		if exact[i] {
			wholeWords++
		} else {
			c = typed(i, j)
		}
		credit[j] = max(credit[j], c)
	}
	coverage := 0.0
	for _, c := range credit {
		coverage += c
	}
	coverage /= float64(nt)
	order, phrase := 0.5, pos[0] == 0
	for i := 1; i < nq; i++ {
		if pos[i] <= pos[i-1] {
			order, phrase = 0, false
			break
		}
		phrase = phrase && pos[i] == i
	}
	switch {
	case phrase:
		order = 1
	case order > 0 && pos[0] == 0:
		order = 0.75
	}
	x := min(coverWeight*coverage+orderWeight*order, maxSecondary)
	return scoreFloor + scoreSpan*(float64(wholeWords)+x)/float64(nq+1), true
}

// SearchField returns the text a full-text index stores for a node with these names (texts[0]
// the name, texts[1:] alternative names): every distinct token of every variant of every text,
// in order of first appearance, joined by single spaces. Neo4j indexes it with a whitespace
// analyzer; FullTextQuery selects on it a superset of the nodes MatchText accepts.
func SearchField(texts []string) string {
	return strings.Join(searchTokens(texts), " ")
}

// searchTokens returns the distinct tokens of every variant of every text, in order of first
// appearance.
func searchTokens(texts []string) []string {
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

// FullTextQuery returns the Lucene query that selects, on the field SearchField builds, every
// node MatchText could accept for query (and possibly more): for each query variant, all its
// tokens as required prefix terms, the variants OR-ed:
// "développeuse back" → "(+developpeuse* +back*)". Lucene's special characters are escaped.
// ok is false when the query has no tokens.
func FullTextQuery(query string) (string, bool) {
	q, ok := ParseTextQuery(query)
	if !ok {
		return "", false
	}
	return q.FullText(), true
}

// FullText returns the query's Lucene form (see FullTextQuery).
func (q *TextQuery) FullText() string {
	var b strings.Builder
	for i, v := range q.selective() {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('(')
		for j, tok := range v {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteByte('+')
			b.WriteString(EscapeLucene(tok))
			b.WriteByte('*')
		}
		b.WriteByte(')')
	}
	return b.String()
}

// EscapeLucene backslash-escapes the characters Lucene's classic query parser gives a meaning
// to (+ - & | ! ( ) { } [ ] ^ " ~ * ? : \ /), so that s is read as one literal term.
func EscapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
