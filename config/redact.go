package config

import (
	"fmt"
	"log/slog"
	"net/url"
)

const redacted = "[redacted]"

// String is a dump safe to print or log: the token, the webhook secret and
// passwords inside URLs are redacted.
func (c Config) String() string {
	return fmt.Sprintf("TELEGRAM_BOT_TOKEN=%s TELEGRAM_API_URL=%s DATABASE_URL=%s REDIS_URL=%s MITRA_ADMINS=%v MITRA_HTTP_ADDR=%s MITRA_WEBHOOK_URL=%s MITRA_WEBHOOK_SECRET=%s MITRA_TIMEZONE=%s MITRA_LOG_LEVEL=%s",
		secret(c.TelegramToken), c.TelegramAPIURL, redactURL(c.DatabaseURL), redactURL(c.RedisURL), c.Admins,
		c.HTTPAddr, c.WebhookURL, secret(c.WebhookSecret), c.TimeZone, c.LogLevel)
}

// LogValue makes slog print the redacted form, whichever handler is used.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("telegram_token", secret(c.TelegramToken)),
		slog.String("telegram_api_url", c.TelegramAPIURL),
		slog.String("database_url", redactURL(c.DatabaseURL)),
		slog.String("redis_url", redactURL(c.RedisURL)),
		slog.Int("admins", len(c.Admins)),
		slog.String("http_addr", c.HTTPAddr),
		slog.Bool("webhook", c.WebhookMode()),
		slog.String("timezone", c.TimeZone),
		slog.String("log_level", c.LogLevel.String()),
	)
}

// GoString keeps %#v from printing secrets too.
func (c Config) GoString() string { return c.String() }

func secret(s string) string {
	if s == "" {
		return ""
	}
	return redacted
}

// redactURL hides the password of a URL, keeping the rest readable.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return redacted
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
