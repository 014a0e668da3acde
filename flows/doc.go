// Package flows is Mitra's transport-neutral core: the guided-conversation
// engine, the flows declared on it (onboarding, field reports, …) and the
// commands volunteers, coordinators and admins use.
//
// It imports nothing from Telegram, pgx or Redis. The bot package turns
// Telegram updates into Input values and Outcome replies into Telegram calls;
// the store package implements the ports declared in ports.go.
package flows
