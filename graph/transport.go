package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph/scalar"
)

// Codes of the errors about the HTTP request itself, before any GraphQL is read.
const (
	// CodeBadRequest: the body or the URL's parameters are not a GraphQL request (HTTP 400).
	CodeBadRequest = "BAD_REQUEST"
	// CodeMethodNotAllowed: a method other than GET, POST and OPTIONS, or an operation other
	// than a query over GET (HTTP 405, with an Allow header).
	CodeMethodNotAllowed = "METHOD_NOT_ALLOWED"
	// CodeUnsupportedMediaType: a POST body that is not application/json (HTTP 415).
	CodeUnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE"
	// CodeNotAcceptable: an Accept header that accepts neither media type of the responses
	// (HTTP 406).
	CodeNotAcceptable = "NOT_ACCEPTABLE"
)

// Media types of GraphQL over HTTP.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// allowedMethods is the Allow header of /query.
const allowedMethods = "GET, POST, OPTIONS"

// What a GraphQL request over HTTP is, in a POST body and in a GET URL; transport errors end
// with one of them.
const (
	postShape = `send one JSON object with a string "query" and, if needed, "operationName" (a string), ` +
		`"variables" and "extensions" (objects)`
	getShape = `give "query" and, if needed, "operationName", "variables" and "extensions" (JSON objects) as URL parameters, each once`
)

// httpTransport is GraphQL over HTTP on one path, as the GraphQL over HTTP spec says it (its
// SHOULDs too): GET and POST run operations (GET only queries), OPTIONS lists the methods,
// and everything else is answered with a JSON error that has an extensions.code and says what
// is wrong in the API's terms (never Go's, never the body echoed back): 405 with Allow for
// another method, 406 for an Accept it cannot answer, 415 for a body that is not JSON, 400 for
// a request that is not a GraphQL request. Request errors (the operation refused before it
// runs: parse, validation, variables, limits, persisted queries) have no "data" entry; their
// status is requestErrorStatus's. It supports every request, so that nothing falls through to
// gqlgen's uncoded "transport not supported".
type httpTransport struct {
	schema *ast.Schema
}

var _ graphql.Transport = httpTransport{}

// Supports implements graphql.Transport: this transport answers every request.
func (httpTransport) Supports(*http.Request) bool { return true }

// Do implements graphql.Transport.
func (t httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if r.Method == http.MethodOptions {
		w.Header().Set("Allow", allowedMethods)
		w.WriteHeader(http.StatusOK)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", allowedMethods)
		WriteRequestError(w, "", http.StatusMethodNotAllowed, CodeMethodNotAllowed,
			"the method "+scalar.Show(strconv.Quote(r.Method))+" is not supported: use GET or POST")
		return
	}
	contentType, acceptable := responseType(r)
	if !acceptable {
		WriteRequestError(w, "", http.StatusNotAcceptable, CodeNotAcceptable,
			"the Accept header "+scalar.Show(strconv.Quote(strings.Join(r.Header.Values("Accept"), ", ")))+
				" accepts neither "+mediaGraphQLResponse+" nor "+mediaJSON+": accept one of them (or */*)")
		return
	}
	start := graphql.Now()
	var params *graphql.RawParams
	var err *requestError
	if r.Method == http.MethodGet {
		params, err = getParams(r)
	} else {
		params, err = postParams(r)
	}
	if err != nil {
		WriteRequestError(w, contentType, err.status, err.code, err.message)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	ctx := r.Context()
	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		errs = t.explainVariableError(opCtx, params, errs)
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(requestErrorStatus(errs, contentType))
		writeRequestErrors(w, exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs))
		return
	}
	if r.Method == http.MethodGet && opCtx.Operation.Operation != ast.Query {
		w.Header().Set("Allow", "POST")
		WriteRequestError(w, contentType, http.StatusMethodNotAllowed, CodeMethodNotAllowed,
			"a GET request can only run a query: send "+string(opCtx.Operation.Operation)+" operations with POST")
		return
	}
	w.Header().Set("Content-Type", contentType)
	ctx, release := withRequestBuffers(ctx)
	defer release()
	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	writeResponse(w, responses(ctx))
}

// explainVariableError replaces gqlparser's error about a variable ("cannot use value 0 as
// Int", "cannot be null") with the Int rule's own, which names the value and the range, when
// that variable breaks the Int rule.
func (t httpTransport) explainVariableError(opCtx *graphql.OperationContext, params *graphql.RawParams, errs gqlerror.List) gqlerror.List {
	if len(errs) != 1 || len(errs[0].Path) != 2 || errs[0].Path[0] != ast.PathName("variable") {
		return errs
	}
	name, ok := errs[0].Path[1].(ast.PathName)
	if !ok || opCtx == nil {
		return errs
	}
	if err := intVariableError(t.schema, opCtx.Operation, params.Variables, string(name)); err != nil {
		return gqlerror.List{err}
	}
	return errs
}

// requestError is an error about the HTTP request itself.
type requestError struct {
	status  int
	code    string
	message string
}

func badRequest(format string, args ...any) *requestError {
	return &requestError{http.StatusBadRequest, CodeBadRequest, fmt.Sprintf(format, args...)}
}

// getParams reads a GET request's URL parameters: query, operationName, and variables and
// extensions as JSON objects.
func getParams(r *http.Request) (*graphql.RawParams, *requestError) {
	values, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, badRequest("the URL's parameters are malformed (a bad %%-escape or a ';'): %s", getShape)
	}
	param := func(name string) (string, *requestError) {
		vs := values[name]
		switch {
		case len(vs) > 1:
			return "", badRequest("the URL parameter %q is given %d times: give it once", name, len(vs))
		case len(vs) == 0:
			return "", nil
		case !utf8.ValidString(vs[0]):
			return "", badRequest("the URL parameter %q is not UTF-8 text", name)
		}
		return vs[0], nil
	}
	var p graphql.RawParams
	var rerr *requestError
	if p.Query, rerr = param("query"); rerr != nil {
		return nil, rerr
	}
	if p.OperationName, rerr = param("operationName"); rerr != nil {
		return nil, rerr
	}
	for _, obj := range []struct {
		name string
		dst  *map[string]any
	}{{"variables", &p.Variables}, {"extensions", &p.Extensions}} {
		text, rerr := param(obj.name)
		if rerr != nil {
			return nil, rerr
		}
		if text == "" {
			continue
		}
		if *obj.dst, rerr = jsonObject("the URL parameter "+strconv.Quote(obj.name), getShape, []byte(text)); rerr != nil {
			return nil, rerr
		}
	}
	return &p, hasQuery(&p, getShape)
}

// postParams reads a POST request's body: one UTF-8 JSON object with a string query and
// optional operationName, variables and extensions (null is the same as leaving one out).
func postParams(r *http.Request) (*graphql.RawParams, *requestError) {
	if rerr := postMediaType(r); rerr != nil {
		return nil, rerr
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, badRequest("the request body could not be read: %s", postShape)
	}
	if !utf8.Valid(body) {
		return nil, badRequest("the request body is not UTF-8 text: %s", postShape)
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		return nil, badRequest("the request body is empty: %s", postShape)
	case trimmed[0] == '[':
		return nil, badRequest("batched requests (a JSON array) are not supported: %s", postShape)
	case trimmed[0] != '{':
		return nil, badRequest("the request body is not a JSON object: %s", postShape)
	}
	fields, rerr := jsonFields("the request body", body)
	if rerr != nil {
		return nil, rerr
	}
	var p graphql.RawParams
	for _, s := range []struct {
		name string
		dst  *string
	}{{"query", &p.Query}, {"operationName", &p.OperationName}} {
		raw, given := fields[s.name]
		if !given || isNull(raw) {
			continue
		}
		if raw[0] != '"' { // raw is valid JSON: a string starts with a quote
			return nil, badRequest("`%s` must be a string: %s", s.name, postShape)
		}
		*s.dst = jsonString(raw)
	}
	for _, obj := range []struct {
		name string
		dst  *map[string]any
	}{{"variables", &p.Variables}, {"extensions", &p.Extensions}} {
		raw, given := fields[obj.name]
		if !given {
			continue
		}
		if *obj.dst, rerr = jsonObject("`"+obj.name+"`", postShape, raw); rerr != nil {
			return nil, rerr
		}
	}
	return &p, hasQuery(&p, postShape)
}

// hasQuery refuses a request with neither a query nor a persisted query's hash (which stands
// for the query; see persistedQueries).
func hasQuery(p *graphql.RawParams, shape string) *requestError {
	if p.Query != "" || p.Extensions["persistedQuery"] != nil {
		return nil
	}
	return badRequest("the request has no query: %s", shape)
}

// postMediaType accepts application/json bodies in UTF-8 (the charset parameter may say so),
// without a content coding.
func postMediaType(r *http.Request) *requestError {
	unsupported := func(what string) *requestError {
		return &requestError{http.StatusUnsupportedMediaType, CodeUnsupportedMediaType,
			what + ": POST bodies must be Content-Type: application/json (UTF-8, uncompressed)"}
	}
	header := r.Header.Get("Content-Type")
	if header == "" {
		return unsupported("the request has no Content-Type")
	}
	mediaType, params, err := mime.ParseMediaType(header)
	if err != nil {
		return unsupported("the Content-Type " + scalar.Show(strconv.Quote(header)) + " is malformed")
	}
	if mediaType != mediaJSON {
		return unsupported("the Content-Type " + scalar.Show(strconv.Quote(mediaType)) + " is not supported")
	}
	if cs, given := params["charset"]; given && !strings.EqualFold(cs, "utf-8") {
		return unsupported("the charset " + scalar.Show(strconv.Quote(cs)) + " is not supported (only utf-8 is)")
	}
	if ce := r.Header.Get("Content-Encoding"); ce != "" && !strings.EqualFold(ce, "identity") {
		return unsupported("the Content-Encoding " + scalar.Show(strconv.Quote(ce)) + " is not supported (send the body uncompressed)")
	}
	return nil
}

// jsonFields splits one JSON object into its fields, refusing invalid JSON, a value that is
// not an object, a field given twice and anything after the object. Valid JSON, what clients
// send, is split in one pass (validFields); anything else goes through encoding/json's
// decoder, which says where it goes wrong.
func jsonFields(what string, data []byte) (map[string]json.RawMessage, *requestError) {
	if json.Valid(data) {
		return validFields(what, data)
	}
	return decodeFields(what, data)
}

// validFields splits one JSON value that json.Valid accepted into its fields, as decodeFields
// does: each field's value as it is written, without the spaces around it.
func validFields(what string, data []byte) (map[string]json.RawMessage, *requestError) {
	i := skipSpace(data, 0)
	if data[i] != '{' {
		return nil, badRequest("%s must be a JSON object: %s", what, postShape)
	}
	fields := map[string]json.RawMessage{}
	for i = skipSpace(data, i+1); data[i] != '}'; i = skipSpace(data, i+1) {
		end := valueEnd(data, i) // the field's name
		name := jsonString(data[i:end])
		i = skipSpace(data, skipSpace(data, end)+1) // past the colon
		end = valueEnd(data, i)
		if _, dup := fields[name]; dup {
			return nil, badRequest("%s gives the field %s twice: give it once", what, scalar.Show(strconv.Quote(name)))
		}
		fields[name] = data[i:end:end]
		if i = skipSpace(data, end); data[i] == '}' {
			break
		}
	}
	return fields, nil
}

// skipSpace returns the index of the first byte of data from i that is not JSON white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
		i++
	}
	return i
}

// valueEnd returns the index just past the valid JSON value that starts at data[i].
func valueEnd(data []byte, i int) int {
	switch data[i] {
	case '"':
		for i++; data[i] != '"'; i++ {
			if data[i] == '\\' {
				i++ // the escaped byte; \uXXXX's digits are not quotes
			}
		}
		return i + 1
	case '{', '[':
		depth := 0
		for ; ; i++ {
			switch data[i] {
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			case '"':
				i = valueEnd(data, i) - 1
			}
		}
	}
	for i < len(data) && !strings.ContainsRune(",}] \t\r\n", rune(data[i])) {
		i++
	}
	return i
}

// jsonString returns the text of a valid JSON string of UTF-8, quotes included, as json.Unmarshal
// decodes it (see TestJSONStringDecodesAsJSON): escapes replaced, a \u escape of half a
// surrogate pair alone as U+FFFD.
func jsonString(raw []byte) string {
	raw = raw[1 : len(raw)-1]
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw)
	}
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		switch raw[i] {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r := hex4(raw[i+1 : i+5])
			i += 4
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if i+6 < len(raw) && raw[i+1] == '\\' && raw[i+2] == 'u' {
					r2 = hex4(raw[i+3 : i+7])
				}
				if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
					r = pair
					i += 6
				} else {
					r = utf8.RuneError
				}
			}
			b.WriteRune(r)
		default: // '"', '\\', '/'
			b.WriteByte(raw[i])
		}
	}
	return b.String()
}

// hex4 is the value of four hexadecimal digits.
func hex4(digits []byte) rune {
	var r rune
	for _, c := range digits {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// decodeFields is jsonFields with encoding/json's decoder: its errors give the position where
// the JSON goes wrong.
func decodeFields(what string, data []byte) (map[string]json.RawMessage, *requestError) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil {
		return nil, jsonError(what, postShape, err)
	} else if tok != json.Delim('{') {
		return nil, badRequest("%s must be a JSON object: %s", what, postShape)
	}
	fields := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonError(what, postShape, err)
		}
		name, ok := tok.(string) // inside an object, the token before a value is its name
		if !ok {
			return nil, badRequest("%s is not valid JSON: %s", what, postShape)
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, jsonError(what, postShape, err)
		}
		if _, dup := fields[name]; dup {
			return nil, badRequest("%s gives the field %s twice: give it once", what, scalar.Show(strconv.Quote(name)))
		}
		fields[name] = value
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, jsonError(what, postShape, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, badRequest("%s has more after its JSON object: send one JSON object", what)
	}
	return fields, nil
}

// jsonObject decodes a JSON object (variables, extensions), or null, with numbers kept as
// written (json.Number), whole numbers written another way (1e3, 10.0) rewritten as integers.
func jsonObject(what, shape string, data []byte) (map[string]any, *requestError) {
	if isNull(data) {
		return nil, nil
	}
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return nil, badRequest("%s must be a JSON object (or null): %s", what, shape)
	}
	var obj map[string]any
	if json.Valid(data) { // what clients send: decoded in one pass
		obj, _ = validValue(data, skipSpace(data, 0)).(map[string]any)
	} else { // encoding/json's decoder says where it goes wrong
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if err := dec.Decode(&obj); err != nil {
			return nil, jsonError(what, shape, err)
		}
		if _, err := dec.Token(); err != io.EOF {
			return nil, badRequest("%s has more after its JSON object: send one JSON object", what)
		}
	}
	for k, v := range obj {
		obj[k] = wholeNumbers(v)
	}
	return obj, nil
}

// validValue decodes the valid JSON value that starts at data[i] as encoding/json decodes it
// into an any with UseNumber (see TestValidValueDecodesAsJSON): objects as map[string]any (of
// a name given twice, the last value), arrays as []any, numbers as json.Number.
func validValue(data []byte, i int) any {
	end := valueEnd(data, i)
	switch data[i] {
	case '"':
		return jsonString(data[i:end])
	case 't':
		return true
	case 'f':
		return false
	case 'n':
		return nil
	case '{':
		obj := map[string]any{}
		for i = skipSpace(data, i+1); data[i] != '}'; i = skipSpace(data, i+1) {
			nameEnd := valueEnd(data, i)
			name := jsonString(data[i:nameEnd])
			i = skipSpace(data, skipSpace(data, nameEnd)+1) // past the colon
			obj[name] = validValue(data, i)
			if i = skipSpace(data, valueEnd(data, i)); data[i] == '}' {
				break
			}
		}
		return obj
	case '[':
		list := []any{}
		for i = skipSpace(data, i+1); data[i] != ']'; i = skipSpace(data, i+1) {
			list = append(list, validValue(data, i))
			if i = skipSpace(data, valueEnd(data, i)); data[i] == ']' {
				break
			}
		}
		return list
	}
	return json.Number(data[i:end])
}

// wholeNumbers rewrites the JSON numbers of v that are whole but not written as integers
// (1e3, 10.0) as integers (1000, 10), the same value, so that gqlparser takes them for an Int
// as the Int rule does (see scalar.CoerceInt). Other values are left as they are.
func wholeNumbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		if _, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return v
		}
		if n, ok := scalar.WholeNumber(string(v)); ok {
			return json.Number(strconv.FormatInt(n, 10))
		}
	case []any:
		for i := range v {
			v[i] = wholeNumbers(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = wholeNumbers(v[k])
		}
	}
	return v
}

// jsonError describes a JSON decoding error by position, never by Go type or echoed text.
func jsonError(what, shape string, err error) *requestError {
	var syntax *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("%s is not valid JSON: it ends too early: %s", what, shape)
	case errors.As(err, &syntax):
		return badRequest("%s is not valid JSON (at position %d): %s", what, syntax.Offset, shape)
	}
	return badRequest("%s is not valid JSON: %s", what, shape)
}

// isNull reports whether a JSON value is null.
func isNull(raw []byte) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}

// responseType is the media type of the response, from Accept: of the media ranges it
// accepts (a q above 0), the one of highest quality among application/graphql-response+json
// and application/json (for which */* and application/* stand), the first named on a tie;
// application/json without Accept. acceptable is false when Accept accepts neither (HTTP 406).
func responseType(r *http.Request) (mediaType string, acceptable bool) {
	accept := strings.Join(r.Header.Values("Accept"), ",")
	if strings.TrimSpace(accept) == "" {
		return mediaJSON, true
	}
	bestQ := 0.0
	for part := range strings.SplitSeq(accept, ",") {
		name, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		var candidate string
		switch name {
		case mediaGraphQLResponse:
			candidate = mediaGraphQLResponse
		case mediaJSON, "*/*", "application/*":
			candidate = mediaJSON
		default:
			continue
		}
		q := 1.0
		if text, given := params["q"]; given {
			if q, err = strconv.ParseFloat(text, 64); err != nil || q < 0 || q > 1 {
				continue
			}
		}
		if q > bestQ {
			mediaType, bestQ = candidate, q
		}
	}
	return mediaType, mediaType != ""
}

// requestErrorStatus is the HTTP status of a request error (an operation refused before it
// runs), as GraphQL over HTTP says:
//   - 400 under both media types for a request that is not well-formed: BAD_REQUEST (no query,
//     a persistedQuery extension of the wrong shape), PERSISTED_QUERY_HASH_MISMATCH and
//     PERSISTED_QUERY_UNSUPPORTED_VERSION (on which Apollo clients stop hashing and send the
//     query);
//   - in application/json, 200 for every other (parse, validation, variables, limits,
//     PERSISTED_QUERY_NOT_FOUND, which Apollo clients expect with 200);
//   - in application/graphql-response+json, where an answer without data must be 4xx, 404 for
//     PERSISTED_QUERY_NOT_FOUND (a status on which Apollo clients send the query and keep
//     hashing) and 400 for every other.
func requestErrorStatus(errs gqlerror.List, contentType string) int {
	notFound := false
	for _, e := range errs {
		switch code, _ := e.Extensions["code"].(string); code {
		case CodeBadRequest, CodePersistedQueryHashMismatch, CodePersistedQueryUnsupportedVersion:
			return http.StatusBadRequest
		case CodePersistedQueryNotFound:
			notFound = true
		}
	}
	switch {
	case contentType == mediaJSON:
		return http.StatusOK
	case notFound:
		return http.StatusNotFound
	}
	return http.StatusBadRequest
}

// WriteRequestError answers an HTTP request with a GraphQL error response of one error and
// no data: {"errors":[{"message":…,"extensions":{"code":…}}]}, in contentType
// (application/json when empty).
func WriteRequestError(w http.ResponseWriter, contentType string, status int, code, message string) {
	if contentType == "" {
		contentType = mediaJSON
	}
	err := &gqlerror.Error{Message: message}
	errcode.Set(err, code)
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	writeRequestErrors(w, &graphql.Response{Errors: gqlerror.List{err}})
}

// requestErrorResponse is the response to a request error: its errors and extensions, and no
// "data" entry, since nothing ran (GraphQL over HTTP; the GraphQL spec's "request error").
type requestErrorResponse struct {
	Errors     gqlerror.List  `json:"errors"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// writeRequestErrors writes the response to a request error, as JSON without a "data" entry.
func writeRequestErrors(w io.Writer, resp *graphql.Response) {
	b, err := json.Marshal(requestErrorResponse{Errors: resp.Errors, Extensions: resp.Extensions})
	if err != nil {
		b = []byte(internalEncodingError)
	}
	_, _ = w.Write(b)
}

// internalEncodingError is the answer when a response cannot be encoded.
const internalEncodingError = `{"errors":[{"message":"internal error: the response could not be encoded","extensions":{"code":"` + career.EINTERNAL + `"}}]}`

// writeResponse writes a response as JSON, the bytes json.Marshal writes for it.
func writeResponse(w io.Writer, resp *graphql.Response) {
	buf := getBuffer()
	defer putBuffer(buf)
	if err := encodeResponseTo(buf, resp); err != nil {
		buf.Reset()
		buf.WriteString(internalEncodingError)
	}
	_, _ = w.Write(buf.Bytes())
}

// responseTail is what follows a response's data, as graphql.Response declares it.
type responseTail struct {
	Label      string         `json:"label,omitempty"`
	Path       ast.Path       `json:"path,omitempty"`
	HasNext    *bool          `json:"hasNext,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// encodeResponse encodes a response as json.Marshal does, without json.Marshal's second pass
// over the data: gqlgen's marshallers wrote the data as compact, valid JSON, so it only needs
// the characters json.Marshal escapes in a json.RawMessage (<, >, &, U+2028, U+2029)
// escaped, which htmlEscape does in one pass. Errors and extensions, small, go through
// json.Marshal. A response whose data is present but empty (invalid JSON) is left to
// json.Marshal, which refuses it.
func encodeResponse(resp *graphql.Response) ([]byte, error) {
	var buf bytes.Buffer
	if err := encodeResponseTo(&buf, resp); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// encodeResponseTo writes what encodeResponse returns to buf, which it leaves in an unknown
// state on error.
func encodeResponseTo(buf *bytes.Buffer, resp *graphql.Response) error {
	if resp.Data != nil && len(resp.Data) == 0 {
		b, err := json.Marshal(resp)
		buf.Write(b)
		return err
	}
	tail, err := encodeTail(resp)
	if err != nil {
		return fmt.Errorf("encode the response's extensions: %w", err)
	}
	buf.Grow(len(resp.Data) + len(tail) + len(`{"data":}`))
	buf.WriteByte('{')
	if len(resp.Errors) > 0 {
		errs, err := json.Marshal(resp.Errors)
		if err != nil {
			return fmt.Errorf("encode the response's errors: %w", err)
		}
		buf.WriteString(`"errors":`)
		buf.Write(errs)
		buf.WriteByte(',')
	}
	buf.WriteString(`"data":`)
	if resp.Data == nil {
		buf.WriteString("null")
	} else {
		htmlEscape(buf, resp.Data)
	}
	if len(tail) > len("{}") { // the tail's fields, without its braces
		buf.WriteByte(',')
		buf.Write(tail[1 : len(tail)-1])
	}
	buf.WriteByte('}')
	return nil
}

// encodeTail encodes what follows a response's data (responseTail) as json.Marshal does. The
// usual tail, the cost alone (see CostLimit), is written without reflection, in the bytes
// json.Marshal writes for it (see TestEncodeResponse).
func encodeTail(resp *graphql.Response) ([]byte, error) {
	if c, ok := resp.Extensions[costExtension].(Cost); ok && len(resp.Extensions) == 1 &&
		resp.Label == "" && resp.Path == nil && resp.HasNext == nil {
		b := make([]byte, 0, 96)
		b = append(b, `{"extensions":{"`+costExtension+`":{"requestedQueryCost":`...)
		b = strconv.AppendInt(b, int64(c.RequestedQueryCost), 10)
		b = append(b, `,"maximumAvailable":`...)
		b = strconv.AppendInt(b, int64(c.MaximumAvailable), 10)
		return append(b, "}}}"...), nil
	}
	return json.Marshal(responseTail{Label: resp.Label, Path: resp.Path, HasNext: resp.HasNext, Extensions: resp.Extensions})
}

// htmlEscape writes data to buf as json.HTMLEscape does (see TestHTMLEscapeWritesJSONsBytes):
// <, > and & as \u003c, \u003e and \u0026, U+2028 and U+2029 as \u2028 and \u2029, every other
// byte as it is, in runs rather than a byte at a time. It finds the bytes to look at with
// bytes.IndexByte, one search per kind of byte (htmlSpecials), each resumed past its last hit,
// so that a response with few of them costs little more than a copy.
func htmlEscape(buf *bytes.Buffer, data []byte) {
	var next [len(htmlSpecials)]int // where each special byte is next found at or after start, or len(data)
	for k := range htmlSpecials {
		next[k] = indexFrom(data, 0, htmlSpecials[k])
	}
	start := 0
	for {
		k := 0
		for j := 1; j < len(next); j++ {
			if next[j] < next[k] {
				k = j
			}
		}
		i := next[k]
		if i == len(data) {
			break
		}
		next[k] = indexFrom(data, i+1, htmlSpecials[k])
		switch c := data[i]; {
		case c != 0xE2:
			buf.Write(data[start:i])
			buf.WriteString(`\u00`)
			buf.WriteByte(lowerHex[c>>4])
			buf.WriteByte(lowerHex[c&0xf])
			start = i + 1
		case i+2 < len(data) && data[i+1] == 0x80 && data[i+2]&^1 == 0xA8:
			buf.Write(data[start:i])
			buf.WriteString(`\u202`)
			buf.WriteByte(lowerHex[data[i+2]&0xf])
			start = i + 3
		}
	}
	buf.Write(data[start:])
}

// htmlSpecials are the bytes htmlEscape looks at: <, > and &, and the first byte of U+2028 and
// U+2029 in UTF-8.
var htmlSpecials = [...]byte{'<', '>', '&', 0xE2}

// indexFrom returns the index of the first c in data at or after from, or len(data).
func indexFrom(data []byte, from int, c byte) int {
	if i := bytes.IndexByte(data[from:], c); i >= 0 {
		return from + i
	}
	return len(data)
}

// lowerHex are the digits of htmlEscape's escapes, lower case as encoding/json writes them.
const lowerHex = "0123456789abcdef"
