package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	tgbot "github.com/go-telegram/bot"
)

// jsonClient calls Bot API methods with a JSON body: getUpdates (we run
// our own loop), getMe (go-telegram sends parameterless methods as a
// multipart body without its closing boundary, which strict servers
// reject) and the per-step methods, where multipart encoding was costly.
type jsonClient struct {
	http interface {
		Do(*http.Request) (*http.Response, error)
	}
	// base is apiURL + "/bot" + token. It holds the token: never log it.
	base string
}

// telegramError is an error answer of the Bot API.
type telegramError struct {
	method      string
	code        int
	description string
	retryAfter  int
}

func (e *telegramError) Error() string {
	return fmt.Sprintf("%s: telegram error %d: %s", e.method, e.code, e.description)
}

// Is lets the error classifiers written for go-telegram's sentinels
// (errors.Is(err, tgbot.ErrorBadRequest)…) read JSON-client errors too.
func (e *telegramError) Is(target error) bool {
	switch target {
	case tgbot.ErrorBadRequest:
		return e.code == http.StatusBadRequest
	case tgbot.ErrorForbidden:
		return e.code == http.StatusForbidden
	case tgbot.ErrorUnauthorized:
		return e.code == http.StatusUnauthorized
	case tgbot.ErrorNotFound:
		return e.code == http.StatusNotFound
	case tgbot.ErrorConflict:
		return e.code == http.StatusConflict
	}
	return false
}

// tokenRejected errors cannot heal without a new token (401, and 404,
// which is Telegram's answer to a malformed one).
func (e *telegramError) tokenRejected() bool {
	return e.code == http.StatusUnauthorized || e.code == http.StatusNotFound
}

// call posts params as JSON to method and decodes the result into result.
// Errors never contain the request URL.
func (c *jsonClient) call(ctx context.Context, method string, params, result any) error {
	body, err := json.Marshal(params)
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/"+method, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s: build request: %w", method, withoutURL(err))
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %w", method, withoutURL(err))
	}
	defer resp.Body.Close()
	var env struct {
		OK          bool            `json:"ok"`
		Result      json.RawMessage `json:"result"`
		ErrorCode   int             `json:"error_code"`
		Description string          `json:"description"`
		Parameters  struct {
			RetryAfter int `json:"retry_after"`
		} `json:"parameters"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<20)).Decode(&env); err != nil {
		return fmt.Errorf("%s: status %d, undecodable body: %w", method, resp.StatusCode, err)
	}
	if !env.OK {
		return &telegramError{method: method, code: env.ErrorCode, description: env.Description, retryAfter: env.Parameters.RetryAfter}
	}
	if err := json.Unmarshal(env.Result, result); err != nil {
		return fmt.Errorf("%s: decode result: %w", method, err)
	}
	return nil
}

// withoutURL drops the request URL, which holds the token, from an HTTP
// client error and keeps the cause.
func withoutURL(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return fmt.Errorf("%s request: %w", urlErr.Op, urlErr.Err)
	}
	return err
}
