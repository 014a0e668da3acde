package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mitra-id/mitra/flows"
)

// Conversations keeps each chat's in-progress conversation in Redis as one
// JSON value under <prefix>conv:{<chat_id>}. The braces are a Redis Cluster
// hash tag, keeping a chat's keys (its lock too) in one slot. It
// implements flows.Conversations.
type Conversations struct {
	rdb    *redis.Client
	prefix string
	ttl    time.Duration
}

var _ flows.Conversations = (*Conversations)(nil)

// NewConversations stores conversations under keys starting with prefix.
// Every Save restarts the ttl, so a conversation untouched for ttl is
// forgotten (production uses 7 days). ttl must be positive.
func NewConversations(rdb *redis.Client, prefix string, ttl time.Duration) *Conversations {
	if ttl <= 0 {
		panic("store: NewConversations: ttl must be positive")
	}
	return &Conversations{rdb: rdb, prefix: prefix, ttl: ttl}
}

func (s *Conversations) key(chatID int64) string {
	return s.prefix + "conv:{" + strconv.FormatInt(chatID, 10) + "}"
}

// Load returns the chat's conversation, or an error wrapping
// flows.ErrNotFound when it has none or it expired.
func (s *Conversations) Load(ctx context.Context, chatID int64) (flows.Conversation, error) {
	data, err := s.rdb.Get(ctx, s.key(chatID)).Bytes()
	if errors.Is(err, redis.Nil) {
		return flows.Conversation{}, fmt.Errorf("store: conversation of chat %d: %w", chatID, flows.ErrNotFound)
	}
	if err != nil {
		return flows.Conversation{}, fmt.Errorf("store: load conversation of chat %d: %w", chatID, err)
	}
	var c flows.Conversation
	if err := json.Unmarshal(data, &c); err != nil {
		return flows.Conversation{}, fmt.Errorf("store: decode conversation of chat %d: %w", chatID, err)
	}
	return c, nil
}

// Save replaces the chat's conversation and restarts its ttl, in one SET
// with an expiry, so no reader ever sees a value without its expiry.
func (s *Conversations) Save(ctx context.Context, chatID int64, c flows.Conversation) error {
	data, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("store: encode conversation of chat %d: %w", chatID, err)
	}
	if err := s.rdb.Set(ctx, s.key(chatID), data, s.ttl).Err(); err != nil {
		return fmt.Errorf("store: save conversation of chat %d: %w", chatID, err)
	}
	return nil
}

// Delete forgets the chat's conversation; deleting none is not an error.
func (s *Conversations) Delete(ctx context.Context, chatID int64) error {
	if err := s.rdb.Del(ctx, s.key(chatID)).Err(); err != nil {
		return fmt.Errorf("store: delete conversation of chat %d: %w", chatID, err)
	}
	return nil
}
