package graph

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// inLanguage answers a text field with a lang argument: def (the node's default text) when lang
// is null or empty, else the text in lang that get reads from the node's texts where it has
// one (career.InLanguage), read through the request's loaders.
func inLanguage(ctx context.Context, id string, lang *string, def string, get func(*career.Text) string) (string, error) {
	if lang == nil || *lang == "" {
		return def, nil
	}
	ts, err := loadersFor(ctx).texts.Load(ctx, id)
	if err != nil {
		return "", err
	}
	return career.InLanguage(ts, *lang, def, get), nil
}

// textName reads a text's name.
func textName(t *career.Text) string { return t.Name }
