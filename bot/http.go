package bot

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// readyTimeout bounds a readiness probe, so a hung dependency reads as
// not ready instead of hanging the probe.
const readyTimeout = 3 * time.Second

// HTTPOptions configures NewHTTPHandler.
type HTTPOptions struct {
	// Ready checks the dependencies (database, Redis); its error says
	// which failed. It is logged, never served: in webhook mode this server
	// faces the internet, and connection errors name internal hosts. Nil
	// means always ready.
	Ready func(ctx context.Context) error
	// Log receives why /readyz answered 503; nil logs nothing.
	Log *slog.Logger
	// Registry is served at /metrics; nil serves no metrics.
	Registry *prometheus.Registry
	// Webhook is mounted at its Path; nil in polling mode.
	Webhook *WebhookHandler
}

// NewHTTPHandler serves /healthz (the process is up), /readyz (it can do
// its work), /metrics and, in webhook mode, the webhook.
func NewHTTPHandler(opt HTTPOptions) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if opt.Ready != nil {
			ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
			defer cancel()
			if err := opt.Ready(ctx); err != nil {
				if opt.Log != nil {
					opt.Log.Warn("not ready", "error", err)
				}
				http.Error(w, "not ready", http.StatusServiceUnavailable)
				return
			}
		}
		_, _ = io.WriteString(w, "ready")
	})
	if opt.Registry != nil {
		mux.Handle("GET /metrics", promhttp.HandlerFor(opt.Registry, promhttp.HandlerOpts{Registry: opt.Registry}))
	}
	if opt.Webhook != nil {
		mux.Handle(opt.Webhook.Path(), opt.Webhook)
	}
	return mux
}
