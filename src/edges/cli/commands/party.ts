import type { Command } from 'commander';
import { ConcordError } from '../../../core/result.js';
import { appendAudit } from '../../store/audit-log.js';
import { assignOwnerCode } from '../../store/object-repository.js';
import { createParty, findPartyByName, listParties, rotatePartyToken } from '../../store/party-repository.js';
import { openCliStore } from '../service-store.js';

/** `concord party add|list|rotate-token`: the service operator's party administration, straight on the store. */
export function registerPartyCommand(program: Command): void {
  const party = program
    .command('party')
    .description(
      'Manage parties of the coordination service (store: DATABASE_URL, or --data DIR, default ./.concord)',
    );
  party
    .command('add')
    .argument('<name>', 'party name (agency or operator)')
    .requiredOption('--country <CC>', 'country or SATCAT owner code, e.g. US, FR, PRC')
    .option('--contact <text>', 'contact (e-mail, phone)')
    .option('--owner-code <code>', 'give the party every object with this SATCAT owner code')
    .option('--admin', 'an operator of the service (manages parties and ownership)')
    .option('--data <dir>', 'embedded store directory (default ./.concord)')
    .option('--schema <name>', 'PostgreSQL schema (default public)')
    .description('Create a party and print its API token (shown once; only its hash is stored)')
    .action(
      async (
        name: string,
        options: {
          country: string;
          contact?: string;
          ownerCode?: string;
          admin?: boolean;
          data?: string;
          schema?: string;
        },
      ) => {
        const store = await openCliStore(options);
        try {
          if (await findPartyByName(store.db, name))
            throw new ConcordError(
              'PARTY_EXISTS',
              `a party named "${name}" exists (rotate its token with party rotate-token)`,
            );
          const created = await createParty(store.db, {
            name,
            country: options.country,
            ...(options.contact === undefined ? {} : { contact: options.contact }),
            role: options.admin ? 'admin' : 'party',
          });
          const objects = options.ownerCode
            ? await assignOwnerCode(store.db, options.ownerCode, created.party.id)
            : 0;
          await appendAudit(store.db, null, 'party.create', { partyId: created.party.id, name, via: 'cli' });
          process.stdout.write(
            `party ${created.party.id} "${name}" (${options.country}${options.admin ? ', admin' : ''}) created${options.ownerCode ? `, ${objects} object(s) of owner ${options.ownerCode}` : ''}\n` +
              `token (shown once, keep it secret): ${created.token}\n`,
          );
        } finally {
          await store.close();
        }
      },
    );
  party
    .command('list')
    .option('--data <dir>', 'embedded store directory (default ./.concord)')
    .option('--schema <name>', 'PostgreSQL schema (default public)')
    .description('List parties')
    .action(async (options: { data?: string; schema?: string }) => {
      const store = await openCliStore(options);
      try {
        for (const p of await listParties(store.db))
          process.stdout.write(`${p.id}\t${p.role}\t${p.country}\t${p.name}\n`);
      } finally {
        await store.close();
      }
    });
  party
    .command('rotate-token')
    .argument('<name>', 'party name')
    .option('--data <dir>', 'embedded store directory (default ./.concord)')
    .option('--schema <name>', 'PostgreSQL schema (default public)')
    .description('Replace a party token (the old one stops working) and print the new one')
    .action(async (name: string, options: { data?: string; schema?: string }) => {
      const store = await openCliStore(options);
      try {
        const found = await findPartyByName(store.db, name);
        if (!found) throw new ConcordError('NO_SUCH_PARTY', `no party named "${name}"`);
        const token = await rotatePartyToken(store.db, found.id);
        await appendAudit(store.db, null, 'party.rotate-token', { partyId: found.id, via: 'cli' });
        process.stdout.write(`token (shown once, keep it secret): ${token}\n`);
      } finally {
        await store.close();
      }
    });
}
