// Package faketelegram is an in-process fake of the Telegram Bot API for
// end-to-end tests of the Mitra bot.
//
// A Server runs on net/http/httptest. The bot under test is pointed at
// Server.URL() (TELEGRAM_API_URL) with Server.Token() and talks to it exactly
// as it talks to api.telegram.org: POST {url}/bot{token}/{method} with a
// multipart/form-data, application/x-www-form-urlencoded or application/json
// body, answered with Telegram's {"ok":...} envelope.
//
// The fake is deliberately as strict as Telegram: it validates HTML
// formatting, text and caption lengths (UTF-16 code units after entity
// parsing), inline keyboards (callback_data 1–64 bytes, button counts),
// reply keyboards, chat existence, blocked users, edits that change nothing,
// and answers to callback queries, returning Telegram's own error strings.
// Where it is stricter than Telegram (for example a bare '&' in HTML text)
// the error description says so.
//
// Tests play users with SendText, Press and friends, which queue updates the
// bot receives through getUpdates (long polling) or through its webhook, and
// observe the bot with Messages, Transcript, Calls and Errors.
package faketelegram
