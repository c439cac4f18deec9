/** Where install.sh unpacks Debian 12's daemons (tools/daemons/.cache, or DAEMONS_CACHE). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CACHE = process.env.DAEMONS_CACHE || path.join(HERE, '..', '.cache');
export const LSW = path.join(CACHE, 'libreswan');
export const SS = path.join(CACHE, 'strongswan');
/** pluto's compiled-in exec path, overlaid inside the netns. */
export const LSW_EXEC = '/usr/libexec/ipsec';
