package graph

// withDefaults returns the limits with every unset (zero) limit taken from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	for _, f := range []struct{ v, def *int }{
		{&l.Complexity, &d.Complexity},
		{&l.Depth, &d.Depth},
		{&l.ParserTokens, &d.ParserTokens},
		{&l.Fields, &d.Fields},
		{&l.Aliases, &d.Aliases},
		{&l.Spreads, &d.Spreads},
		{&l.Duplicates, &d.Duplicates},
	} {
		if *f.v == 0 {
			*f.v = *f.def
		}
	}
	return l
}
