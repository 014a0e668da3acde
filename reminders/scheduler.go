// Package reminders drives Mitra's scheduled work — reminders of
// rescheduled visits, daily digests — on robfig/cron.
//
// Every replica runs the same schedule in UTC, so the container's time
// zone never matters. A job must therefore be idempotent: it claims due
// rows in PostgreSQL (FOR UPDATE SKIP LOCKED, unique keys per day) rather
// than trusting that it runs once. Jobs are registered at start-up only.
package reminders

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/robfig/cron/v3"
)

// Scheduler runs registered jobs on their cron specs.
type Scheduler struct {
	cron *cron.Cron
	log  *slog.Logger
}

// NewScheduler returns a scheduler in UTC whose jobs never overlap with
// themselves and whose panics are logged instead of killing the process
// (robfig/cron's default chain recovers nothing).
func NewScheduler(log *slog.Logger) *Scheduler {
	logger := cronLogger{log}
	return &Scheduler{
		cron: cron.New(
			cron.WithLocation(time.UTC),
			// Recover sits inside SkipIfStillRunning: a panic must not
			// escape past the skip guard, or the guard never frees its
			// slot and the job is skipped forever after.
			cron.WithChain(cron.SkipIfStillRunning(logger), cron.Recover(logger)),
		),
		log: log,
	}
}

// Job is one run of scheduled work. Its context ends when the scheduler
// stops; an error is logged with the job's name.
type Job func(ctx context.Context) error

// Register adds a job on a standard five-field cron spec ("*/5 * * * *").
// ctx is given to every run of the job.
func (s *Scheduler) Register(ctx context.Context, name, spec string, job Job) error {
	_, err := s.cron.AddFunc(spec, func() {
		if err := job(ctx); err != nil {
			s.log.ErrorContext(ctx, "scheduled job failed", "job", name, "error", err)
		}
	})
	if err != nil {
		return fmt.Errorf("reminders: schedule %s %q: %w", name, spec, err)
	}
	return nil
}

// Run starts the schedule and blocks until ctx ends, then waits for jobs
// still running.
func (s *Scheduler) Run(ctx context.Context) {
	s.cron.Start()
	<-ctx.Done()
	<-s.cron.Stop().Done()
}

// cronLogger routes robfig/cron's logging into slog.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "error", err)...)
}
