package reminders

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func newTestScheduler() (*Scheduler, *bytes.Buffer) {
	var logs bytes.Buffer
	return NewScheduler(slog.New(slog.NewTextHandler(&logs, nil))), &logs
}

func TestRegisterRejectsBadSpecs(t *testing.T) {
	s, _ := newTestScheduler()
	for _, spec := range []string{"", "every minute", "* * * *", "61 * * * *"} {
		if err := s.Register(context.Background(), "bad", spec, func(context.Context) error { return nil }); err == nil {
			t.Errorf("spec %q accepted", spec)
		}
	}
}

// Schedules are read in UTC whatever the machine's zone: 07:00 means 07:00 UTC.
func TestSchedulesAreInUTC(t *testing.T) {
	s, _ := newTestScheduler()
	if err := s.Register(context.Background(), "digest", "0 7 * * *", func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	from := time.Date(2026, 11, 24, 10, 0, 0, 0, jakarta) // 03:00 UTC
	if s.cron.Location() != time.UTC {
		t.Fatalf("scheduler location %v, want UTC", s.cron.Location())
	}
	// cron asks for the next run with "now" in its own location.
	next := s.cron.Entries()[0].Schedule.Next(from.In(s.cron.Location()))
	if want := time.Date(2026, 11, 24, 7, 0, 0, 0, time.UTC); !next.Equal(want) {
		t.Errorf("next run %v, want %v", next, want)
	}
}

// A job that panics or fails is logged; the scheduler keeps running it.
func TestJobFailuresAreLoggedNotFatal(t *testing.T) {
	s, logs := newTestScheduler()
	ctx := context.Background()
	runs := 0
	if err := s.Register(ctx, "flaky", "* * * * *", func(context.Context) error {
		runs++
		if runs == 1 {
			panic("boom")
		}
		return errors.New("database down")
	}); err != nil {
		t.Fatal(err)
	}
	job := s.cron.Entries()[0].WrappedJob
	job.Run() // panics inside; recovered by the chain
	job.Run()
	if runs != 2 {
		t.Fatalf("runs = %d, want 2", runs)
	}
	for _, want := range []string{"boom", `job=flaky`, "database down"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("logs lack %q:\n%s", want, logs.String())
		}
	}
}

func TestRunStopsWithItsContext(t *testing.T) {
	s, _ := newTestScheduler()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	cancel()
	<-done
}
