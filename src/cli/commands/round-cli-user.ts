import type { AccessUser } from '../../domain/access/access-user.js';

/** Who the CLI acts as: the operator of the installation, an administrator of the whole country. */
export const CLI_OPERATOR: AccessUser = {
  id: 'cli',
  username: 'cli',
  displayName: '命令行',
  role: 'administrator',
  regionCode: '000000',
  departments: [],
  disabled: false,
  createdAt: '1970-01-01T00:00:00.000Z',
};
