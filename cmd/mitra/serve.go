package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/mitra-id/mitra/bot"
	"github.com/mitra-id/mitra/config"
	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/regions"
	"github.com/mitra-id/mitra/store"
)

// conversationTTL is how long an untouched conversation is kept: a
// volunteer may come back to a half-filled form within a week.
const conversationTTL = 7 * 24 * time.Hour

// appOptions are knobs tests turn; production uses the zero value.
type appOptions struct {
	// redisPrefix namespaces every Redis key; "mitra:" by default.
	redisPrefix string
	// listener, when set, serves HTTP instead of listening on HTTPAddr.
	listener net.Listener
	// ready, when set, is closed once the bot is receiving updates.
	ready chan<- struct{}
}

// migrate applies migrations, creating the database first if needed.
func migrate(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	if err := store.EnsureDatabase(ctx, cfg.DatabaseURL); err != nil {
		return err
	}
	db, err := store.OpenPostgres(ctx, cfg.DatabaseURL, log)
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := store.Migrate(ctx, db, log)
	if err != nil {
		return err
	}
	log.Info("database ready", "migrations_applied", n)
	return nil
}

// serve wires Postgres, Redis, the region index, the flows and the
// Telegram transport, and runs until ctx ends.
func serve(ctx context.Context, cfg config.Config, log *slog.Logger, opt appOptions) error {
	if opt.redisPrefix == "" {
		opt.redisPrefix = "mitra:"
	}
	log.Info("starting mitra", "version", version, "config", cfg)
	if err := migrate(ctx, cfg, log); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	db, err := store.OpenPostgres(ctx, cfg.DatabaseURL, log)
	if err != nil {
		return err
	}
	defer db.Close()
	rdb, err := store.OpenRedis(ctx, cfg.RedisURL)
	if err != nil {
		return err
	}
	defer rdb.Close()

	volunteers := store.NewVolunteers(db)
	granted, revoked, err := volunteers.SyncAdmins(ctx, cfg.Admins)
	if err != nil {
		return err
	}
	log.Info("admins follow MITRA_ADMINS", "listed", len(cfg.Admins), "granted", granted, "revoked", revoked)

	all, err := store.LoadRegions(ctx, db)
	if err != nil {
		return err
	}
	index := regions.NewIndex(all)
	defaultLoc, err := time.LoadLocation(cfg.TimeZone)
	if err != nil {
		return fmt.Errorf("time zone: %w", err)
	}

	registry := prometheus.NewRegistry()
	registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	// The service needs the bot's username for invite links, and the bot
	// needs the service to handle updates: build the bot, then attach.
	handler := &lateHandler{}
	tg, err := bot.New(ctx, bot.Options{
		Token:         cfg.TelegramToken,
		APIURL:        cfg.TelegramAPIURL,
		Handler:       handler,
		Ledger:        store.NewUpdateLedger(rdb, opt.redisPrefix),
		Locks:         store.NewChatLocks(rdb, opt.redisPrefix),
		Log:           log,
		Registry:      registry,
		WebhookURL:    cfg.WebhookURL,
		WebhookSecret: cfg.WebhookSecret,
	})
	if err != nil {
		return fmt.Errorf("telegram: %w", err)
	}
	handler.Handler = flows.NewService(flows.ServiceConfig{
		Conversations:   store.NewConversations(rdb, opt.redisPrefix, conversationTTL),
		Volunteers:      volunteers,
		Invites:         store.NewInvites(db),
		Reports:         store.NewReports(db),
		Registrations:   store.NewRegistrations(db),
		Visits:          store.NewVisits(db),
		Regions:         index,
		DefaultLocation: defaultLoc,
		Admins:          cfg.Admins,
		BotUsername:     tg.Username(),
		Log:             log,
	})

	srv := &http.Server{
		Handler: bot.NewHTTPHandler(bot.HTTPOptions{
			Ready:    func(ctx context.Context) error { return store.Ping(ctx, db, rdb) },
			Log:      log,
			Registry: registry,
			Webhook:  tg.WebhookHandler(),
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	ln := opt.listener
	if ln == nil {
		if ln, err = net.Listen("tcp", cfg.HTTPAddr); err != nil {
			return fmt.Errorf("http: %w", err)
		}
	}
	httpDone := make(chan error, 1)
	go func() { httpDone <- srv.Serve(ln) }()
	log.Info("http listening", "addr", ln.Addr().String())

	if opt.ready != nil {
		close(opt.ready)
	}
	runErr := tg.Run(ctx)

	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdownCtx)
	// Close waits for updates still being handled, before the stores close.
	if err := tg.Close(); err != nil {
		log.Warn("telegram transport did not close cleanly", "error", err)
	}
	if err := <-httpDone; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("http: %w", err)
	}
	return runErr
}

// lateHandler lets the bot exist before the service that needs its
// username; no update is processed before Run, after the service is set.
type lateHandler struct{ bot.Handler }
