import { Component, type ErrorInfo, type ReactNode } from 'react';

interface SectionErrorBoundaryProps {
  /** Shown in place of the part that failed, in Japanese. */
  readonly message: string;
  readonly children: ReactNode;
}

/**
 * Keeps a failure in one part of a case page (a third-party canvas, say) from blanking the whole
 * page: the other tabs, the header and any unsaved text elsewhere stay as they were.
 */
export class SectionErrorBoundary extends Component<SectionErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.failed) {
      return (
        <p role="alert" className="message message--error">
          {this.props.message}
        </p>
      );
    }
    return this.props.children;
  }
}
