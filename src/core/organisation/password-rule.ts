/**
 * The one password rule for every staff account: the initial password an administrator sets, a
 * changed password, and GONGKAI_ADMIN_PASSWORD (.env.example states the same number).
 */
export const PASSWORD_MIN_LENGTH = 12;

/** “至少12个字符”, for labels and messages. */
export const PASSWORD_RULE_TEXT = `至少${PASSWORD_MIN_LENGTH}个字符`;
