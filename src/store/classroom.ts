// The classroom as this device sees it (its own small store): whether the app talks to a
// `concord serve` room rather than its own worker, which room and role, the connection's state
// for the badge, and (the white cell) the room's links, QR codes and who is connected.
import { createStore } from 'zustand/vanilla';
import type { RoomInfo } from '../remote/protocol';
import type { ConnectionState } from './remote-engine';

export interface ClassroomState {
  /** This device plays a role in a server's room (false: hot seat or a planner's run). */
  remote: boolean;
  room: string;
  role: string;
  roleName: string;
  connection: ConnectionState;
  /** Words for the badge: the role and room, the next attempt, or why it closed. */
  detail: string;
  /** The white cell's room panel (null until asked for). */
  info: RoomInfo | null;
  /** Whether the page is served by `concord serve` (rooms can be created). */
  server: boolean;
}

export const classroomStore = createStore<ClassroomState>()(() => ({
  remote: false,
  room: '',
  role: '',
  roleName: '',
  connection: 'closed',
  detail: '',
  info: null,
  server: false,
}));

export const getClassroom = (): ClassroomState => classroomStore.getState();

export function setClassroom(patch: Partial<ClassroomState>): void {
  classroomStore.setState(patch);
}
