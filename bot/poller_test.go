package bot

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/prometheus/client_golang/prometheus"
)

func TestHandleBatchConfirmsOnlyWhatIsFinished(t *testing.T) {
	batch := []*models.Update{textUpdate(100, 1), textUpdate(101, 2), textUpdate(102, 3)}
	tests := []struct {
		name         string
		failing      map[int64]bool
		wantNext     int64
		wantComplete bool
	}{
		{"all finished", nil, 103, true},
		{"middle one must come again", map[int64]bool{101: true}, 101, false},
		{"first one must come again", map[int64]bool{100: true, 102: true}, 100, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := newMetrics(prometheus.NewRegistry())
			p := &poller{log: discardLogger(), metrics: m, dispatch: func(ctx context.Context, upd *models.Update) <-chan error {
				result := make(chan error, 1)
				if tt.failing[upd.ID] {
					result <- errNotProcessed
				} else {
					result <- nil
				}
				return result
			}}
			next, complete := p.handleBatch(context.Background(), batch)
			if next != tt.wantNext || complete != tt.wantComplete {
				t.Fatalf("handleBatch = %d, %v; want %d, %v", next, complete, tt.wantNext, tt.wantComplete)
			}
		})
	}
}

// Ensure the poll loop waits out a 429's retry_after, confirms a handled
// batch with the next offset, and stops when ctx ends.
func TestPollerHonoursRetryAfterAndAdvancesOffset(t *testing.T) {
	var mu sync.Mutex
	var offsets []int64
	calls := 0
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req getUpdatesRequest
		_ = json.NewDecoder(r.Body).Decode(&req)
		mu.Lock()
		calls++
		n := calls
		offsets = append(offsets, req.Offset)
		mu.Unlock()
		switch n {
		case 1:
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = w.Write([]byte(`{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}`))
		case 2:
			_, _ = w.Write([]byte(`{"ok":true,"result":[{"update_id":500,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":"a"}},
				{"update_id":501,"message":{"message_id":2,"date":1,"chat":{"id":1,"type":"private"},"text":"b"}}]}`))
		default:
			cancel()
			_, _ = w.Write([]byte(`{"ok":true,"result":[]}`))
		}
	}))
	defer srv.Close()

	var handled []int64
	var waits []time.Duration
	m, _ := newMetrics(prometheus.NewRegistry())
	p := &poller{
		client:      &jsonClient{http: srv.Client(), base: srv.URL + "/bot1:x"},
		pollTimeout: time.Second,
		log:         discardLogger(),
		metrics:     m,
		dispatch: func(ctx context.Context, upd *models.Update) <-chan error {
			handled = append(handled, upd.ID)
			result := make(chan error, 1)
			result <- nil
			return result
		},
		sleep: func(ctx context.Context, d time.Duration) error {
			waits = append(waits, d)
			return ctx.Err()
		},
	}
	if err := p.run(ctx); err != nil {
		t.Fatalf("run: %v", err)
	}
	if len(waits) != 1 || waits[0] != 7*time.Second {
		t.Errorf("waits = %v, want [7s]", waits)
	}
	if len(handled) != 2 || handled[0] != 500 || handled[1] != 501 {
		t.Errorf("handled = %v, want [500 501]", handled)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(offsets) != 3 || offsets[2] != 502 {
		t.Errorf("offsets asked = %v, want the third call to confirm with 502", offsets)
	}
}

func TestPollerStopsOnARejectedToken(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"ok":false,"error_code":401,"description":"Unauthorized"}`))
	}))
	defer srv.Close()
	m, _ := newMetrics(prometheus.NewRegistry())
	p := &poller{
		client:      &jsonClient{http: srv.Client(), base: srv.URL + "/bot1:x"},
		pollTimeout: time.Second,
		log:         discardLogger(),
		metrics:     m,
		sleep:       sleepCtx,
	}
	var apiErr *telegramError
	if err := p.run(context.Background()); !errors.As(err, &apiErr) || apiErr.code != 401 {
		t.Fatalf("run = %v, want the 401", err)
	}
}
