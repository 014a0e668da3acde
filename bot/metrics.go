package bot

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/mitra-id/mitra/flows"
)

// metrics are the transport's Prometheus series, registered on the
// registry given in Options (never the global one, so tests and several
// bots in one process do not collide).
type metrics struct {
	updates         *prometheus.CounterVec
	handlerDuration prometheus.Histogram
	handlerErrors   *prometheus.CounterVec
	apiCalls        *prometheus.CounterVec
}

// updateTypeIgnored labels updates Mitra does not answer.
const updateTypeIgnored = "ignored"

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		updates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mitra_updates_total",
			Help: "Telegram updates received, by input kind (ignored: nothing for Mitra).",
		}, []string{"type"}),
		handlerDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "mitra_handler_duration_seconds",
			Help:    "Time the core took to answer one update.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 20},
		}),
		handlerErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mitra_handler_errors_total",
			Help: "Updates the core failed on; the user got an apology.",
		}, []string{"kind"}),
		apiCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mitra_telegram_api_calls_total",
			Help: "Bot API call attempts by method and outcome (ok, error, retry).",
		}, []string{"method", "outcome"}),
	}
	for _, c := range []prometheus.Collector{m.updates, m.handlerDuration, m.handlerErrors, m.apiCalls} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	// Expose zeros, so alerts on rate() work before the first failure.
	for _, kind := range []string{"error", "panic"} {
		m.handlerErrors.WithLabelValues(kind)
	}
	return m, nil
}

func (m *metrics) update(kind flows.InputKind) { m.updates.WithLabelValues(string(kind)).Inc() }

func (m *metrics) ignoredUpdate() { m.updates.WithLabelValues(updateTypeIgnored).Inc() }

func (m *metrics) handlerFailed(kind string) { m.handlerErrors.WithLabelValues(kind).Inc() }

func (m *metrics) apiCall(method, outcome string) {
	m.apiCalls.WithLabelValues(method, outcome).Inc()
}
