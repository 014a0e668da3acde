package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync/atomic"
	"time"

	tgbot "github.com/go-telegram/bot"
)

// Retry policy for Bot API calls. Telegram has no idempotency key, so a
// send that may have reached it is never repeated: a duplicate message is
// worse than a missing one, which the user can ask for again.
const (
	// maxRetryAfter caps a 429's retry_after; values of hours have been seen.
	maxRetryAfter = 60 * time.Second
	// maxRateLimitRetries bounds waiting out 429s for one call.
	maxRateLimitRetries = 3
	// maxTransportRetries bounds retries after connect errors (and, for
	// idempotent methods, timeouts and 5xx).
	maxTransportRetries   = 3
	firstTransportBackoff = 250 * time.Millisecond
)

// idempotency says whether repeating a call that Telegram may already have
// executed is harmless.
type idempotency bool

const (
	sendsOnce  idempotency = false // sendMessage, sendLocation
	idempotent idempotency = true  // edits, answerCallbackQuery, setMyCommands, getMe, webhooks
)

// api runs Bot API calls through go-telegram/bot with Mitra's retry policy
// and metrics.
type api struct {
	tg *tgbot.Bot
	// json posts the hot-path methods (sendMessage, edits, callback
	// answers) as JSON: go-telegram's reflective multipart encoding cost
	// about 15% of the bot's CPU per step (BENCHMARKS.md).
	json    *jsonClient
	log     *slog.Logger
	metrics *metrics
	// sleep waits or returns ctx's error; tests replace it.
	sleep func(ctx context.Context, d time.Duration) error
}

// call runs fn, which makes one Bot API request of method, retrying as the
// policy allows: after a 429 it waits retry_after; after an error where the
// request never left (connection refused, DNS) it backs off and retries;
// a timeout or 5xx after the request was written is retried only for
// idempotent methods. The returned error wraps go-telegram's, and
// ErrChatGone when the user blocked the bot.
func (a *api) call(ctx context.Context, method string, idem idempotency, fn func(ctx context.Context) error) error {
	rateLimited, transportFailures := 0, 0
	for {
		attempt := &requestAttempt{}
		err := fn(withRequestAttempt(ctx, attempt))
		if err == nil {
			a.metrics.apiCall(method, "ok")
			return nil
		}
		wait, retry := a.retryDelay(ctx, err, attempt, idem, &rateLimited, &transportFailures)
		if !retry {
			a.metrics.apiCall(method, "error")
			if chatGone(err) {
				return fmt.Errorf("%s: %w: %w", method, ErrChatGone, err)
			}
			return fmt.Errorf("%s: %w", method, err)
		}
		a.metrics.apiCall(method, "retry")
		a.log.Warn("telegram call failed, retrying", "method", method, "wait", wait, "error", err)
		if sleepErr := a.sleep(ctx, wait); sleepErr != nil {
			return fmt.Errorf("%s: %w (stopped retrying: %w)", method, err, sleepErr)
		}
	}
}

// retryDelay decides whether and after how long a failed call is retried.
func (a *api) retryDelay(ctx context.Context, err error, attempt *requestAttempt, idem idempotency, rateLimited, transportFailures *int) (time.Duration, bool) {
	if ctx.Err() != nil {
		return 0, false
	}
	if retryAfter, limited := rateLimitOf(err); limited {
		*rateLimited++
		wait := min(time.Duration(max(retryAfter, 1))*time.Second, maxRetryAfter)
		if *rateLimited > maxRateLimitRetries || !fitsDeadline(ctx, wait) {
			return 0, false
		}
		return wait, true
	}
	var retryable bool
	switch {
	case attempt.status() >= 500:
		retryable = bool(idem) // Telegram may have acted before failing
	case attempt.status() > 0:
		return 0, false // Telegram answered; repeating gets the same answer
	case attempt.transportFailed():
		retryable = !attempt.written() || bool(idem)
	}
	if !retryable {
		return 0, false
	}
	*transportFailures++
	wait := firstTransportBackoff << (*transportFailures - 1)
	if *transportFailures > maxTransportRetries || !fitsDeadline(ctx, wait) {
		return 0, false
	}
	return wait, true
}

// rateLimitOf reports whether err is a 429 and its retry_after seconds.
// go-telegram's TooManyRequestsError does not wrap ErrorTooManyRequests,
// and its IsTooManyRequestsError fails on wrapped errors: use errors.As.
func rateLimitOf(err error) (retryAfter int, limited bool) {
	var tooMany *tgbot.TooManyRequestsError
	if errors.As(err, &tooMany) {
		return tooMany.RetryAfter, true
	}
	var apiErr *telegramError
	if errors.As(err, &apiErr) && apiErr.code == http.StatusTooManyRequests {
		return apiErr.retryAfter, true
	}
	return 0, false
}

// fitsDeadline reports whether waiting d leaves time for another attempt.
func fitsDeadline(ctx context.Context, d time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return !ok || time.Until(deadline) > d
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// requestAttempt records what became of one HTTP request go-telegram made,
// which its errors do not tell: whether the request was fully written
// (after that, Telegram may have acted on it) and the response status.
type requestAttempt struct {
	wrote, failed atomic.Bool
	code          atomic.Int32
}

func (r *requestAttempt) written() bool         { return r.wrote.Load() }
func (r *requestAttempt) transportFailed() bool { return r.failed.Load() }
func (r *requestAttempt) status() int           { return int(r.code.Load()) }

type requestAttemptKey struct{}

func withRequestAttempt(ctx context.Context, a *requestAttempt) context.Context {
	return context.WithValue(ctx, requestAttemptKey{}, a)
}

// attemptRecorder is the HTTP client given to go-telegram: it fills in the
// requestAttempt found in the request's context.
type attemptRecorder struct {
	client *http.Client
}

func (c attemptRecorder) Do(req *http.Request) (*http.Response, error) {
	if err := bufferBody(req); err != nil {
		return nil, newRequestError(err)
	}
	attempt, _ := req.Context().Value(requestAttemptKey{}).(*requestAttempt)
	if attempt == nil {
		return c.client.Do(req)
	}
	trace := &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				attempt.wrote.Store(true)
			}
		},
	}
	resp, err := c.client.Do(req.WithContext(httptrace.WithClientTrace(req.Context(), trace)))
	if err != nil {
		attempt.failed.Store(true)
		return nil, newRequestError(err)
	}
	attempt.code.Store(int32(resp.StatusCode))
	return resp, nil
}

// requestError replaces the *url.Error of a failed request. go-telegram
// masks the token by rewriting that error's URL field while its body
// goroutine formats the same error (a data race, seen with -race on
// connect errors); an error without the URL has nothing to rewrite or leak.
type requestError struct {
	op  string
	err error
}

func newRequestError(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return &requestError{op: urlErr.Op, err: urlErr.Err}
	}
	return err
}

func (e *requestError) Error() string { return e.op + " request: " + e.err.Error() }
func (e *requestError) Unwrap() error { return e.err }

// Timeout reports a timeout like url.Error does.
func (e *requestError) Timeout() bool {
	var t interface{ Timeout() bool }
	return errors.As(e.err, &t) && t.Timeout()
}

// bufferBody reads a streamed request body into memory so it goes out with
// a Content-Length in one write. go-telegram streams its multipart form
// through a pipe, which net/http would send chunked, one write and one TCP
// segment per form part. Bot API bodies are a few hundred bytes; a
// document upload would be the exception, and Mitra sends none.
func bufferBody(req *http.Request) error {
	if req.Body == nil || req.Body == http.NoBody || req.ContentLength > 0 {
		return nil
	}
	body, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	if err != nil {
		return err
	}
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.ContentLength = int64(len(body))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	return nil
}
