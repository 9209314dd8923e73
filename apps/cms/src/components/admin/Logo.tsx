import type React from 'react'

/** The wordmark on the sign-in screen. */
export const Logo: React.FC = () => (
  <div style={{ display: 'flex', alignItems: 'center', gap: '0.75rem' }}>
    <Mark size={44} />
    <span
      style={{
        fontFamily: 'Georgia, "Times New Roman", serif',
        fontSize: '2.25rem',
        fontWeight: 700,
        letterSpacing: '-0.02em',
        color: 'var(--theme-text)',
      }}
    >
      Copydesk
    </span>
  </div>
)

/** The square mark: a folded page with a proof mark; `fill` sizes it to its container. */
export const Mark: React.FC<{ size?: number | 'fill' }> = ({ size = 24 }) => (
  <svg
    width={size === 'fill' ? 18 : size}
    height={size === 'fill' ? 18 : size}
    style={size === 'fill' ? { display: 'block', width: '100%', height: '100%' } : undefined}
    viewBox="0 0 32 32"
    role="img"
    aria-label="Copydesk"
  >
    <rect x="1" y="1" width="30" height="30" rx="6" fill="#b3261e" />
    <path d="M9 8h10l4 4v12H9z" fill="#fff" />
    <path d="M19 8v4h4" fill="none" stroke="#b3261e" strokeWidth="1.5" />
    <path d="M12 15h8M12 18h8M12 21h5" stroke="#b3261e" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
)
