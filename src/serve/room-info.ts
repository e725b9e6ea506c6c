// What the white cell shows on the projector for each role: the join link and its QR code (the
// `qrcode` package, as SVG), and how many devices hold the role now. The token travels in the
// link's fragment (#…), which browsers never send to a server: it stays out of access logs.
import QRCode from 'qrcode';
import type { RoomInfo } from '../remote/protocol';
import type { Room } from './room';

const qrCache = new Map<string, string>();

export function joinLink(origin: string, code: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/#room=${code}&token=${token}`;
}

async function qrSvg(link: string): Promise<string> {
  let svg = qrCache.get(link);
  if (!svg) {
    svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    if (qrCache.size > 500) qrCache.clear();
    qrCache.set(link, svg);
  }
  return svg;
}

export async function roomInfo(room: Room, origin: string): Promise<RoomInfo> {
  const roles = [];
  for (const r of room.api.exerciseHost.record.roles) {
    const token = room.tokenOf(r.id);
    const link = token ? joinLink(origin, room.code, token) : '';
    roles.push({
      id: r.id,
      name: r.name,
      link,
      qr: link ? await qrSvg(link) : '',
      connected: room.connectedCount(r.id),
    });
  }
  return { code: room.code, title: room.title, origin, roles };
}
