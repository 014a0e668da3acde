// Command mitra runs the Mitra Telegram assistant.
//
//	mitra serve     run the bot and its HTTP endpoints (migrates first)
//	mitra migrate   apply database migrations and load region data
//	mitra version   print the version
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	_ "time/tzdata" // WIB/WITA/WIT must resolve even on images without zoneinfo

	"github.com/mitra-id/mitra/config"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: tests call it with their own
// environment and writers.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "version":
		fmt.Fprintln(stdout, "mitra", version)
		return 0
	case "healthcheck":
		return healthcheck(ctx, getenv, stderr)
	case "serve", "migrate":
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "mitra: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		fmt.Fprintf(stderr, "mitra: %v\n", err)
		return 2
	}
	log := newLogger(stderr, cfg.LogLevel)
	if args[0] == "migrate" {
		err = migrate(ctx, cfg, log)
	} else {
		if errors.Is(cfg.RequireToken(), config.ErrNoToken) {
			fmt.Fprint(stderr, noTokenHelp)
			return 2
		}
		err = serve(ctx, cfg, log, appOptions{})
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		log.Error("mitra stopped", "error", err)
		return 1
	}
	return 0
}

func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
}

const usage = `Usage: mitra <command>

Commands:
  serve     run the bot and its HTTP endpoints (applies migrations first)
  migrate   apply database migrations and load region data, then exit
  version   print the version

Configuration comes from environment variables; see README.md.
`

const noTokenHelp = `mitra: TELEGRAM_BOT_TOKEN is not set.

To get a token:
  1. Open Telegram and start a chat with @BotFather.
  2. Send /newbot and follow the questions (a name, then a username ending in "bot").
  3. BotFather replies with a token like 123456789:AAE...; keep it secret.

Then either export it:
  export TELEGRAM_BOT_TOKEN=123456789:AAE...
or put it in a .env file next to the Makefile:
  echo 'TELEGRAM_BOT_TOKEN=123456789:AAE...' >> .env
and run "make run" again.
`
