package neo4jstore

import "github.com/careergraph/careergraph/career"

// keyset returns the Cypher of the window w on the nodes bound to v, a list ordered by
// (sortKey, id): cond keeps the nodes between the window's cursors, and order is the ORDER BY
// that fetches from the page's start, ascending for a forward page and descending for a
// backward one (career.TrimPage puts those back in list order). It sets the parameters cond
// uses (sk and cid of After, bsk and bcid of Before; null when the window has no such bound)
// and limit, the career.PageFetch of the page.
func keyset(v string, w career.Window, params map[string]any) (cond, order string) {
	params["sk"], params["cid"], params["bsk"], params["bcid"] = nil, nil, nil, nil
	params["limit"] = career.PageFetch(w.Page)
	cond = "true"
	if w.After != nil {
		params["sk"], params["cid"] = w.After.SortKey, w.After.ID
		cond = "(" + v + ".sortKey > $sk OR (" + v + ".sortKey = $sk AND " + v + ".id > $cid))"
	}
	if w.Before != nil {
		params["bsk"], params["bcid"] = w.Before.SortKey, w.Before.ID
		cond += " AND (" + v + ".sortKey < $bsk OR (" + v + ".sortKey = $bsk AND " + v + ".id < $bcid))"
	}
	order = v + ".sortKey, " + v + ".id"
	if w.Page.Backward() {
		order = v + ".sortKey DESC, " + v + ".id DESC"
	}
	return cond, order
}
