package bot

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Defaults for the tuning fields of Options.
const (
	defaultAPIURL               = "https://api.telegram.org"
	defaultMaxConcurrentUpdates = 64
	defaultPollTimeout          = 50 * time.Second
	defaultHandleTimeout        = 20 * time.Second
	defaultDeliverTimeout       = 55 * time.Second
)

// Options configure a Bot. Token, Handler and Ledger are required.
type Options struct {
	Token string
	// APIURL is the Bot API server, https://api.telegram.org by default.
	APIURL  string
	Handler Handler
	Ledger  UpdateLedger
	// Locks keep a chat in order across replicas; used in webhook mode
	// only, since polling runs in one process.
	Locks ChatLocker
	Log   *slog.Logger
	// Registry receives the transport's metrics; nil keeps them private.
	Registry *prometheus.Registry
	// WebhookURL switches to webhook mode; WebhookSecret (1–256 of
	// A-Z a-z 0-9 _ -) is then required.
	WebhookURL, WebhookSecret string

	// MaxConcurrentUpdates bounds updates handled at once (default 64).
	MaxConcurrentUpdates int
	// PollTimeout is getUpdates' long-poll duration (default 50 s).
	PollTimeout time.Duration
	// HandleTimeout bounds the core's work on one update (default 20 s),
	// DeliverTimeout the Bot API calls answering it (default 55 s, room
	// to wait out a long 429 rather than lose the answer). With the chat
	// lock's 10 s wait they must stay under the ledger's 90 s claim, or a
	// redelivery could be handled a second time.
	HandleTimeout, DeliverTimeout time.Duration
}

func (o *Options) validate() error {
	var errs []error
	if strings.TrimSpace(o.Token) == "" {
		errs = append(errs, errors.New("no token"))
	}
	if o.Handler == nil {
		errs = append(errs, errors.New("no handler"))
	}
	if o.Ledger == nil {
		errs = append(errs, errors.New("no update ledger"))
	}
	if o.WebhookURL != "" {
		if u, err := url.Parse(o.WebhookURL); err != nil || u.Host == "" {
			errs = append(errs, errors.New("webhook URL is not an absolute URL"))
		}
		if o.WebhookSecret == "" {
			errs = append(errs, errors.New("webhook mode needs a webhook secret"))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("bot: %w", errors.Join(errs...))
	}
	return nil
}

func (o *Options) setDefaults() {
	o.APIURL = strings.TrimRight(o.APIURL, "/")
	if o.APIURL == "" {
		o.APIURL = defaultAPIURL
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Registry == nil {
		o.Registry = prometheus.NewRegistry()
	}
	if o.MaxConcurrentUpdates <= 0 {
		o.MaxConcurrentUpdates = defaultMaxConcurrentUpdates
	}
	if o.PollTimeout <= 0 {
		o.PollTimeout = defaultPollTimeout
	}
	if o.HandleTimeout <= 0 {
		o.HandleTimeout = defaultHandleTimeout
	}
	if o.DeliverTimeout <= 0 {
		o.DeliverTimeout = defaultDeliverTimeout
	}
}
