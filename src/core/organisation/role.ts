/** The staff roles, in the order the system lists them. Applicants and the public have no account. */
export const ROLES = ['officer', 'reviewer', 'supervisor', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** How a role is named to users (messages, the session header, the user list). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  officer: '经办人',
  reviewer: '审核人',
  supervisor: '主管部门',
  admin: '系统管理员',
};
