package faketelegram

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// params are a request's parameters flattened the way Telegram sees them:
// scalars as their text, nested objects (reply_markup, media, commands...)
// as JSON text, uploaded files by form field name.
type params struct {
	values map[string]string
	files  map[string]string // form field name -> uploaded file name
}

const maxBody = 64 << 20

// parseParams reads query parameters and a multipart/form-data,
// application/x-www-form-urlencoded or application/json body.
func parseParams(r *http.Request) (params, *apiError) {
	p := params{values: map[string]string{}, files: map[string]string{}}
	for k, v := range r.URL.Query() {
		p.values[k] = v[0]
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(maxBody); err != nil {
			return p, badRequest("can't parse multipart/form-data request: %v", err)
		}
		for k, v := range r.MultipartForm.Value {
			p.values[k] = v[0]
		}
		for k, fh := range r.MultipartForm.File {
			p.files[k] = fh[0].Filename
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return p, badRequest("can't parse form request: %v", err)
		}
		for k, v := range r.PostForm {
			p.values[k] = v[0]
		}
	case "application/json":
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
		if err != nil {
			return p, badRequest("can't read request body")
		}
		if len(bytes.TrimSpace(body)) > 0 {
			vals, aerr := flattenJSON(body)
			if aerr != nil {
				return p, aerr
			}
			maps.Copy(p.values, vals)
		}
	}
	for _, v := range p.values {
		if !utf8.ValidString(v) {
			return p, badRequest("strings must be encoded in UTF-8")
		}
	}
	return p, nil
}

// flattenJSON turns a JSON object body into Telegram parameters: strings
// unquoted, nulls dropped, everything else kept as JSON text.
func flattenJSON(body []byte) (map[string]string, *apiError) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil {
		return nil, badRequest("can't parse JSON object")
	}
	out := make(map[string]string, len(obj))
	for k, raw := range obj {
		raw = bytes.TrimSpace(raw)
		switch {
		case bytes.Equal(raw, []byte("null")):
		case len(raw) > 0 && raw[0] == '"':
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return nil, badRequest("can't parse JSON object")
			}
			out[k] = s
		default:
			out[k] = string(raw)
		}
	}
	return out, nil
}

func (p params) str(key string) string { return p.values[key] }

func (p params) has(key string) bool {
	_, ok := p.values[key]
	return ok
}

// int64 parses an integer parameter; ok is false when it is absent or empty.
func (p params) int64(key string) (v int64, ok bool, err error) {
	s := strings.TrimSpace(p.values[key])
	if s == "" {
		return 0, false, nil
	}
	v, err = strconv.ParseInt(s, 10, 64)
	return v, err == nil, err
}

// int is int64 for small integers such as message_id; invalid means 0.
func (p params) int(key string) int {
	v, _, _ := p.int64(key)
	return int(v)
}

// bool accepts Telegram's spellings of true.
func (p params) bool(key string) bool {
	switch strings.ToLower(strings.TrimSpace(p.values[key])) {
	case "true", "1":
		return true
	}
	return false
}

// float parses a float parameter.
func (p params) float(key string) (float64, bool) {
	s := strings.TrimSpace(p.values[key])
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// clone copies the values for recording.
func (p params) clone() map[string]string {
	out := maps.Clone(p.values)
	if out == nil {
		out = map[string]string{}
	}
	for k, name := range p.files {
		out[k] = "<file:" + name + ">"
	}
	return out
}
