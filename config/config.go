// Package config reads Mitra's configuration from the environment into one
// validated struct. Nothing else in Mitra reads the environment.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is everything Mitra can be told at start-up.
type Config struct {
	TelegramToken  string
	TelegramAPIURL string
	DatabaseURL    string
	RedisURL       string
	// Admins are Telegram user ids that are admins from their first /start;
	// at every start, registered volunteers' admin rights follow this list.
	Admins        []int64
	HTTPAddr      string
	WebhookURL    string
	WebhookSecret string
	// TimeZone is used for users without a region.
	TimeZone string
	LogLevel slog.Level
}

// ErrNoToken is returned by RequireToken when TELEGRAM_BOT_TOKEN is unset;
// `mitra serve` turns it into instructions for getting one.
var ErrNoToken = errors.New("TELEGRAM_BOT_TOKEN is not set")

// FromEnv reads the configuration through getenv (os.Getenv in production,
// a map in tests) and validates it. All problems are reported at once.
func FromEnv(getenv func(string) string) (Config, error) {
	get := func(key, def string) string {
		if v := strings.TrimSpace(getenv(key)); v != "" {
			return v
		}
		return def
	}
	c := Config{
		TelegramToken:  get("TELEGRAM_BOT_TOKEN", ""),
		TelegramAPIURL: strings.TrimRight(get("TELEGRAM_API_URL", "https://api.telegram.org"), "/"),
		DatabaseURL:    get("DATABASE_URL", "postgres://postgres@localhost:5432/mitra?sslmode=disable"),
		RedisURL:       get("REDIS_URL", "redis://localhost:6379/0"),
		HTTPAddr:       get("MITRA_HTTP_ADDR", ":8080"),
		WebhookURL:     get("MITRA_WEBHOOK_URL", ""),
		WebhookSecret:  get("MITRA_WEBHOOK_SECRET", ""),
		TimeZone:       get("MITRA_TIMEZONE", "Asia/Jakarta"),
	}
	var errs []error
	for _, f := range strings.Split(get("MITRA_ADMINS", ""), ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil || id <= 0 {
			errs = append(errs, fmt.Errorf("MITRA_ADMINS: %q is not a Telegram user id (a positive number)", f))
			continue
		}
		c.Admins = append(c.Admins, id)
	}
	if err := c.LogLevel.UnmarshalText([]byte(get("MITRA_LOG_LEVEL", "info"))); err != nil {
		errs = append(errs, fmt.Errorf("MITRA_LOG_LEVEL: %q is not one of debug, info, warn, error", getenv("MITRA_LOG_LEVEL")))
	}
	errs = append(errs, c.validate()...)
	if len(errs) > 0 {
		return Config{}, fmt.Errorf("config: %w", errors.Join(errs...))
	}
	return c, nil
}

// FromOS reads the process environment.
func FromOS() (Config, error) { return FromEnv(os.Getenv) }

func (c Config) validate() []error {
	var errs []error
	checkURL := func(key, raw string, schemes ...string) {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" || !contains(schemes, u.Scheme) {
			errs = append(errs, fmt.Errorf("%s: %q must be a %s URL", key, redactURL(raw), strings.Join(schemes, " or ")))
		}
	}
	checkURL("TELEGRAM_API_URL", c.TelegramAPIURL, "http", "https")
	checkURL("DATABASE_URL", c.DatabaseURL, "postgres", "postgresql")
	checkURL("REDIS_URL", c.RedisURL, "redis", "rediss")
	if c.WebhookURL != "" {
		checkURL("MITRA_WEBHOOK_URL", c.WebhookURL, "https")
		if !validSecret(c.WebhookSecret) {
			errs = append(errs, errors.New("MITRA_WEBHOOK_SECRET: required with MITRA_WEBHOOK_URL; 16–256 characters of A-Z, a-z, 0-9, _ and -"))
		}
	}
	if _, err := time.LoadLocation(c.TimeZone); err != nil {
		errs = append(errs, fmt.Errorf("MITRA_TIMEZONE: %q is not an IANA time zone such as Asia/Jakarta", c.TimeZone))
	}
	return errs
}

// RequireToken reports ErrNoToken when the bot token is missing; only
// `serve` needs it.
func (c Config) RequireToken() error {
	if c.TelegramToken == "" {
		return ErrNoToken
	}
	return nil
}

// WebhookMode reports whether Telegram pushes updates to us.
func (c Config) WebhookMode() bool { return c.WebhookURL != "" }

func validSecret(s string) bool {
	if len(s) < 16 || len(s) > 256 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
