// Drives pitwall's simulator with the official OpenAI Node SDK, unmodified, and prints what the
// SDK saw as one JSON line; OpenAiNodeClientIT asserts on it. Usage: node check.mjs BASE_URL
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: process.argv[2], apiKey: 'sk-or-v1-test-not-a-real-key', maxRetries: 0 });
const messages = [{ role: 'user', content: 'Explain the CAP theorem in distributed systems' }];
const out = {};

const c = await client.chat.completions.create({ model: 'openai/gpt-4o', messages, max_tokens: 500 });
out.nonStreaming = {
  id: c.id,
  model: c.model,
  provider: c.provider ?? null,
  finishReason: c.choices[0].finish_reason,
  content: c.choices[0].message.content,
  completionTokens: c.usage?.completion_tokens ?? null,
};

const stream = await client.chat.completions.create({
  model: 'google/gemini-2.5-flash',
  messages,
  stream: true,
  stream_options: { include_usage: true },
});
const s = { chunks: 0, content: '', finishReason: null, completionTokens: null };
for await (const chunk of stream) {
  s.chunks++;
  s.content += chunk.choices?.[0]?.delta?.content ?? '';
  s.finishReason = chunk.choices?.[0]?.finish_reason ?? s.finishReason;
  s.completionTokens = chunk.usage?.completion_tokens ?? s.completionTokens;
}
out.streaming = s;

try {
  await client.chat.completions.create({ model: 'acme/nothing', messages });
  out.unknownModel = { thrown: false };
} catch (e) {
  out.unknownModel = {
    thrown: true,
    type: e.constructor.name,
    apiError: e instanceof OpenAI.APIError,
    status: e.status ?? null,
    message: e.message,
  };
}

console.log(JSON.stringify(out));
