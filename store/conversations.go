package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mitra-id/mitra/flows"
)

// Conversations keeps each chat's in-progress conversation in Redis as one
// JSON value under <prefix>conv:{<chat_id>}. The id of the message carrying
// the live question, known only after the reply was sent, is written on
// its own under <prefix>prompt:{<chat_id>} so recording it costs one write
// instead of a read-modify-write of the whole conversation; Load merges it
// and Save folds it back into the JSON. The braces are a Redis Cluster hash
// tag, keeping a chat's keys (its lock too) in one slot. It implements
// flows.Conversations.
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

func (s *Conversations) promptKey(chatID int64) string {
	return s.prefix + "prompt:{" + strconv.FormatInt(chatID, 10) + "}"
}

// Load returns the chat's conversation, or an error wrapping
// flows.ErrNotFound when it has none or it expired.
func (s *Conversations) Load(ctx context.Context, chatID int64) (flows.Conversation, error) {
	vals, err := s.rdb.MGet(ctx, s.key(chatID), s.promptKey(chatID)).Result()
	if err != nil {
		return flows.Conversation{}, fmt.Errorf("store: load conversation of chat %d: %w", chatID, err)
	}
	data, ok := vals[0].(string)
	if !ok {
		return flows.Conversation{}, fmt.Errorf("store: conversation of chat %d: %w", chatID, flows.ErrNotFound)
	}
	var c flows.Conversation
	if err := json.Unmarshal([]byte(data), &c); err != nil {
		return flows.Conversation{}, fmt.Errorf("store: decode conversation of chat %d: %w", chatID, err)
	}
	if prompt, ok := vals[1].(string); ok {
		id, err := strconv.Atoi(prompt)
		if err != nil {
			return flows.Conversation{}, fmt.Errorf("store: decode prompt message of chat %d: %w", chatID, err)
		}
		c.PromptMessageID = id
	}
	return c, nil
}

// Save replaces the chat's conversation and restarts its ttl. The value
// is written with its expiry, and the separately recorded prompt message
// dropped, in one MULTI, so no reader sees a value without its expiry or
// an older prompt id laid over a newer conversation.
func (s *Conversations) Save(ctx context.Context, chatID int64, c flows.Conversation) error {
	data, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("store: encode conversation of chat %d: %w", chatID, err)
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, s.key(chatID), data, s.ttl)
		p.Del(ctx, s.promptKey(chatID))
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save conversation of chat %d: %w", chatID, err)
	}
	return nil
}

// SavePrompt records messageID as the message carrying the chat's live
// question, with the conversation's ttl. Without a conversation the id
// is never read: Load finds nothing and the next Save drops it.
func (s *Conversations) SavePrompt(ctx context.Context, chatID int64, messageID int) error {
	if err := s.rdb.Set(ctx, s.promptKey(chatID), messageID, s.ttl).Err(); err != nil {
		return fmt.Errorf("store: save prompt message of chat %d: %w", chatID, err)
	}
	return nil
}

// Delete forgets the chat's conversation; deleting none is not an error.
func (s *Conversations) Delete(ctx context.Context, chatID int64) error {
	if err := s.rdb.Del(ctx, s.key(chatID), s.promptKey(chatID)).Err(); err != nil {
		return fmt.Errorf("store: delete conversation of chat %d: %w", chatID, err)
	}
	return nil
}
