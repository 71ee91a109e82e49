import type { ServerResponse } from 'node:http';
import type { Message } from '../shared/messages/catalogue';
import { renderMessage } from '../shared/messages/render';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** An error outside tRPC: its English text, and its message of the catalogue for the dashboard (decision 023). */
export function sendError(res: ServerResponse, status: number, message: Message): void {
  sendJson(res, status, { error: { message: renderMessage(message), detail: message } });
}
