// Package bot is Mitra's Telegram transport. It receives updates (long
// polling, or a webhook when several replicas run), converts them into
// flows.Input, hands each chat's inputs to the core one at a time and in
// order, and delivers the core's Outcome through the Bot API.
//
// Delivery guarantees: an update is handled at most once (a Redis ledger
// skips redeliveries) and, unless the process dies mid-way, at least once
// (a batch is confirmed to Telegram only after it is handled). Sends are
// never retried once Telegram may have received them, because the Bot API
// cannot deduplicate messages.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// callTimeout bounds one Bot API request; Telegram answers within
// seconds even when the user's own connection is poor.
const callTimeout = 30 * time.Second

// Bot is a running Telegram transport.
type Bot struct {
	api        *api
	username   string
	log        *slog.Logger
	transport  *http.Transport
	dispatcher *dispatcher
	poller     *poller
	webhook    *WebhookHandler // nil in polling mode
	webhookURL string
}

// New checks the token with getMe and prepares the transport; nothing is
// received before Run. The Handler is not called before Run either, so it
// may be attached after New (the core needs the bot's username).
func New(ctx context.Context, opt Options) (*Bot, error) {
	if err := opt.validate(); err != nil {
		return nil, err
	}
	opt.setDefaults()
	log := redactLogger(opt.Log, opt.Token)
	m, err := newMetrics(opt.Registry)
	if err != nil {
		return nil, fmt.Errorf("bot: metrics: %w", err)
	}

	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.IdleConnTimeout = 30 * time.Second
	// Keep a connection per concurrent update alive. Go's default of two
	// idle connections per host made every further call dial and close a
	// connection (a TLS handshake against real Telegram): 1.2 new
	// connections per step, measured in BENCHMARKS.md.
	transport.MaxIdleConnsPerHost = opt.MaxConcurrentUpdates + 8
	transport.MaxIdleConns = max(transport.MaxIdleConns, transport.MaxIdleConnsPerHost)
	calls := attemptRecorder{client: &http.Client{Transport: transport, Timeout: callTimeout}}
	base := opt.APIURL + "/bot" + opt.Token
	tg, err := tgbot.New(opt.Token,
		tgbot.WithServerURL(opt.APIURL),
		tgbot.WithSkipGetMe(), // our getMe below retries and logs properly
		tgbot.WithHTTPClient(opt.PollTimeout, calls),
		tgbot.WithErrorsHandler(func(err error) { log.Error("telegram client", "error", err) }),
	)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	b := &Bot{
		api:       &api{tg: tg, json: &jsonClient{http: calls, base: base}, log: log, metrics: m, sleep: sleepCtx},
		log:       log,
		transport: transport,
	}
	if b.username, err = b.getMe(ctx, &jsonClient{http: calls, base: base}); err != nil {
		return nil, err
	}

	proc := &processor{
		handler:        opt.Handler,
		ledger:         opt.Ledger,
		sender:         &sender{api: b.api, log: log},
		metrics:        m,
		log:            log,
		username:       b.username,
		now:            time.Now,
		handleTimeout:  opt.HandleTimeout,
		deliverTimeout: opt.DeliverTimeout,
	}
	b.dispatcher = newDispatcher(proc.process, opt.MaxConcurrentUpdates, log)
	if opt.WebhookURL != "" {
		u, _ := url.Parse(opt.WebhookURL) // checked by validate
		path := u.Path
		if path == "" {
			path = "/"
		}
		proc.locks = opt.Locks
		b.webhookURL = opt.WebhookURL
		b.webhook = &WebhookHandler{path: path, secret: opt.WebhookSecret, dispatch: b.Dispatch, log: log}
	} else {
		b.poller = &poller{
			client: &jsonClient{
				http: &http.Client{Transport: transport, Timeout: opt.PollTimeout + 15*time.Second},
				base: base,
			},
			pollTimeout: opt.PollTimeout,
			dispatch:    b.Dispatch,
			log:         log,
			metrics:     m,
			sleep:       sleepCtx,
		}
	}
	return b, nil
}

// getMe learns the bot's username, which addresses commands in groups and
// builds t.me links; it also proves the token works.
func (b *Bot) getMe(ctx context.Context, client *jsonClient) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	var me models.User
	err := b.api.call(ctx, "getMe", idempotent, func(ctx context.Context) error {
		return client.call(ctx, "getMe", struct{}{}, &me)
	})
	var apiErr *telegramError
	if errors.As(err, &apiErr) && apiErr.tokenRejected() {
		return "", fmt.Errorf("bot: Telegram rejected the token: %w", err)
	}
	if err != nil {
		return "", fmt.Errorf("bot: %w", err)
	}
	return me.Username, nil
}

// Username is the bot's @username without the @, as getMe reported it.
func (b *Bot) Username() string { return b.username }

// WebhookHandler is the HTTP handler Telegram posts updates to, or nil in
// polling mode. Pass it to NewHTTPHandler.
func (b *Bot) WebhookHandler() *WebhookHandler { return b.webhook }

// Dispatch queues an update for handling, behind the earlier updates of
// its chat. The channel receives one value when the update is finished:
// nil, or an error when it was not handled and must be delivered again.
func (b *Bot) Dispatch(ctx context.Context, upd *models.Update) <-chan error {
	return b.dispatcher.Dispatch(ctx, upd)
}

// Run registers the command menus and receives updates until ctx ends. In
// polling mode it removes any webhook, polls, and returns once the batch in
// hand is handled. In webhook mode it registers the webhook and returns
// when ctx ends; the HTTP server's Shutdown then waits for the requests,
// which wait for their updates.
func (b *Bot) Run(ctx context.Context) error {
	if b.webhook != nil {
		if err := b.SetWebhook(ctx); err != nil {
			return stoppedOr(ctx, fmt.Errorf("bot: register webhook: %w", err))
		}
		b.log.Info("receiving updates by webhook", "path", b.webhook.Path())
	} else if err := b.deleteWebhook(ctx); err != nil {
		return stoppedOr(ctx, fmt.Errorf("bot: remove webhook before polling: %w", err))
	}
	if err := b.setCommands(ctx); err != nil {
		// The menu is a convenience; typed commands work without it.
		b.log.Warn("setting the command menu failed", "error", err)
	}
	if b.webhook != nil {
		<-ctx.Done()
		return nil
	}
	b.log.Info("receiving updates by long polling", "username", b.username)
	return b.poller.run(ctx)
}

// stoppedOr is nil when ctx ended, err otherwise: a shutdown that arrives
// while Run is still registering is a clean stop, not a failure.
func stoppedOr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// Close waits for updates still being handled, then releases idle
// connections to the Bot API. Call it after Run returned and the HTTP
// server shut down, before closing Redis and the database.
func (b *Bot) Close() error {
	b.dispatcher.Wait()
	b.transport.CloseIdleConnections()
	return nil
}
